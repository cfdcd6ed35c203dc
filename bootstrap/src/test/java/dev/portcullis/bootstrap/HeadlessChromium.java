package dev.portcullis.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium through chromedriver, as found on this machine: the Debian packages
 * {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}),
 * or the paths in {@code CHROME_BIN} and {@code CHROMEDRIVER}. Selenium Manager is never asked to
 * download anything.
 */
final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Path binary() {
        return Path.of(Optional.ofNullable(System.getenv("CHROME_BIN")).orElse("/usr/bin/chromium"));
    }

    static Path driverExecutable() {
        return Path.of(Optional.ofNullable(System.getenv("CHROMEDRIVER")).orElse("/usr/bin/chromedriver"));
    }

    /** Why no browser can be started here; empty when both executables are present. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(binary())) {
            return Optional.of("no Chromium at " + binary() + " (apt-get install chromium, or set CHROME_BIN)");
        }
        if (!Files.isExecutable(driverExecutable())) {
            return Optional.of("no chromedriver at " + driverExecutable() + " (apt-get install chromium-driver, or set CHROMEDRIVER)");
        }
        return Optional.empty();
    }

    static HeadlessChromium start() {
        try {
            Path profile = Files.createTempDirectory("portcullis-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary().toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driverExecutable().toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return new HeadlessChromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
