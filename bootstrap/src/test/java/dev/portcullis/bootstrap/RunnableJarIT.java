package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.config.ConfigKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as an operator starts it: {@code java -jar portcullis.jar}, configured by the
 * environment alone, in an empty directory. Runs after {@code package} (failsafe), which says where the
 * jar is in the {@code portcullis.jar} system property.
 */
class RunnableJarIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static Path jar;

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void findTheJar() {
        String configured = System.getProperty("portcullis.jar");
        assertThat(configured).as("the portcullis.jar system property (set by the failsafe configuration)").isNotBlank();
        jar = Path.of(configured).toAbsolutePath();
        assertThat(jar).as("the runnable jar: run `mvn verify`, which packages it first").isRegularFile();
    }

    @Test
    void aMongoThatDoesNotAnswerStopsTheNodeWithOneLineNamingItAndExitStatus3() throws Exception {
        int port = closedPort();

        Exited node = run(Map.of("STORAGE_TYPE", "mongo",
                "MONGO_URI", "mongodb://portcullis:hunter2@127.0.0.1:" + port + "/?authSource=admin", "MONGO_TIMEOUT", "1s"));

        assertThat(node.status()).as(node.toString()).isEqualTo(Main.EXIT_BACKEND_UNAVAILABLE);
        assertThat(node.stderrLines()).as(node.toString()).containsExactly(
                "portcullis: mongo at mongodb://***@127.0.0.1:" + port + "/?authSource=admin is not answering");
        assertNoStackTraceNorSecret(node);
    }

    @Test
    void aRedisThatDoesNotAnswerStopsTheNodeWithOneLineNamingItAndExitStatus3() throws Exception {
        int port = closedPort();

        Exited node = run(Map.of("STORAGE_TYPE", "redis", "REDIS_URI", "redis://:hunter2@127.0.0.1:" + port, "REDIS_TIMEOUT", "1s"));

        assertThat(node.status()).as(node.toString()).isEqualTo(Main.EXIT_BACKEND_UNAVAILABLE);
        assertThat(node.stderrLines()).as(node.toString())
                .containsExactly("portcullis: redis at redis://***@127.0.0.1:" + port + " is not answering");
        assertNoStackTraceNorSecret(node);
    }

    @Test
    void aRedisForRevocationsAloneIsCheckedAtStartToo() throws Exception {
        int port = closedPort();

        Exited node = run(Map.of("STORAGE_TYPE", "memory", "REVOCATION_TYPE", "redis",
                "REDIS_URI", "redis://127.0.0.1:" + port, "REDIS_TIMEOUT", "1s"));

        assertThat(node.status()).as(node.toString()).isEqualTo(Main.EXIT_BACKEND_UNAVAILABLE);
        assertThat(node.stderrLines()).as(node.toString())
                .containsExactly("portcullis: redis at redis://127.0.0.1:" + port + " is not answering");
        assertNoStackTraceNorSecret(node);
    }

    /** The control for the tests above: the same jar, started the same way, does run and serve; its log is on stdout. */
    @Test
    void onTheEmbeddedDefaultTheJarServesTokensAndLogsToStandardOutputOnly() throws Exception {
        Process process = start(Map.of("SERVER_PORT", "0"));
        try {
            int port = awaitListeningPort(process);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=myapp&client_secret=secret"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(token.body()).contains("\"access_token\":\"eyJ");
            assertThat(read(stderr())).as("standard error is kept for the line of a node that refuses to start").isEmpty();
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void assertNoStackTraceNorSecret(Exited node) {
        for (String output : List.of(node.stdout(), node.stderr())) {
            assertThat(output).as(node.toString()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("hunter2");
        }
        assertThat(node.took()).as("the backend's timeout bounds the start").isLessThan(START_LIMIT);
    }

    record Exited(int status, String stdout, String stderr, Duration took) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + status + " after " + took.toMillis() + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Exited run(Map<String, String> environment) throws Exception {
        long started = System.nanoTime();
        Process process = start(environment);
        if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the node neither started nor exited within " + START_LIMIT + "\n" + read(stdout()) + read(stderr()));
        }
        return new Exited(process.exitValue(), read(stdout()), read(stderr()), Duration.ofNanos(System.nanoTime() - started));
    }

    /** {@code java -jar portcullis.jar} in an empty directory, with only {@code environment} configuring it. */
    private Process start(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .directory(workingDirectory.toFile())
                .redirectOutput(stdout().toFile())
                .redirectError(stderr().toFile());
        Map<String, String> env = builder.environment();
        for (ConfigKey key : ConfigKey.values()) {
            env.remove(key.environmentVariable()); // whatever the developer's shell sets
        }
        env.remove("PORTCULLIS_CONFIG");
        env.putAll(environment);
        return builder.start();
    }

    private int awaitListeningPort(Process process) throws InterruptedException {
        Pattern listening = Pattern.compile("Portcullis listening on http://127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(read(stdout()));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the node exited with " + process.exitValue() + "\n" + read(stdout()) + read(stderr()));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the node did not log that it listens within " + START_LIMIT + "\n" + read(stdout()));
    }

    private Path stdout() {
        return workingDirectory.resolve("stdout.txt");
    }

    private Path stderr() {
        return workingDirectory.resolve("stderr.txt");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
