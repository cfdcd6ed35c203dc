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
        if (args.length > 0 && !args[0].equals("serve")) {
            logToStandardError(); // a command's standard output is its result, for scripts to read
        }
        Cli cli = new Cli(System.getenv(), System.in);
        int status = Cli.execute(cli, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (status != Cli.EXIT_OK || cli.served().isEmpty()) {
            System.exit(status);
        }
        PortcullisServer server = cli.served().get();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portcullis-shutdown"));
    }

    /** Every root handler replaced by one writing the same records, formatted the same way, to standard error. */
    private static void logToStandardError() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler handler : root.getHandlers()) {
            java.util.logging.ConsoleHandler stderr = new java.util.logging.ConsoleHandler();
            stderr.setLevel(handler.getLevel());
            if (handler.getFormatter() != null) {
                stderr.setFormatter(handler.getFormatter());
            }
            root.removeHandler(handler);
            handler.close();
            root.addHandler(stderr);
        }
    }
}
