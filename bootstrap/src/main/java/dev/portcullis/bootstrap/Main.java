package dev.portcullis.bootstrap;

import io.helidon.logging.common.LogConfig;
import java.io.PrintWriter;

/**
 * Starts Portcullis: {@code java -jar bootstrap/target/portcullis.jar} serves; with arguments, runs a command
 * ({@code serve}, {@code client …}, {@code user …}, {@code keys …}: see {@link Cli}) and exits with its status.
 */
public final class Main {

    /** Exit status for a configuration the server refuses, distinct from crashes (1). */
    static final int EXIT_BAD_CONFIGURATION = Cli.EXIT_USAGE;
    /** Exit status when a configured backend does not answer at start. */
    static final int EXIT_BACKEND_UNAVAILABLE = Cli.EXIT_BACKEND_UNAVAILABLE;

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Cli cli = new Cli(System.getenv(), System.in);
        int status = Cli.execute(cli, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (status != Cli.EXIT_OK || cli.served().isEmpty()) {
            System.exit(status);
        }
        PortcullisServer server = cli.served().get();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portcullis-shutdown"));
    }
}
