package dev.portcullis.bootstrap;

import dev.portcullis.adapters.crypto.KeyDecryptionException;
import dev.portcullis.bootstrap.config.ConfigLoader;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Settings;
import io.helidon.logging.common.LogConfig;

/**
 * Starts Portcullis: {@code java -jar bootstrap/target/portcullis.jar}; with arguments, runs a command
 * instead ({@code keys rotate}, {@code keys list}: see {@link KeysCommand}) and exits with its status.
 */
public final class Main {

    /** Exit status for a configuration the server refuses, distinct from crashes (1). */
    static final int EXIT_BAD_CONFIGURATION = 2;
    /** Exit status when a configured backend does not answer at start. */
    static final int EXIT_BACKEND_UNAVAILABLE = 3;

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        if (args.length > 0) {
            System.exit(KeysCommand.run(java.util.List.of(args), System.getenv(), System.out, System.err));
        }
        try {
            Settings settings = Settings.from(ConfigLoader.load(System.getenv(), ConfigLoader.configFile(System.getenv())));
            PortcullisServer server = PortcullisServer.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portcullis-shutdown"));
        } catch (ConfigurationException | KeyDecryptionException e) {
            // one clear line, no stack trace: this is the operator's mistake, not ours
            System.err.println("portcullis: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIGURATION);
        } catch (BackendStartupException e) {
            System.err.println("portcullis: " + e.getMessage());
            System.exit(EXIT_BACKEND_UNAVAILABLE);
        }
    }
}
