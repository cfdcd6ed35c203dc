package dev.portcullis.bootstrap;

import dev.portcullis.adapters.crypto.KeyDecryptionException;
import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.adapters.crypto.SecureRandomSource;
import dev.portcullis.adapters.http.admin.AdminUseCases;
import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.bootstrap.config.ConfigKey;
import dev.portcullis.bootstrap.config.ConfigLoader;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Settings;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code portcullis} command line: {@code serve} (the default without arguments), {@code client},
 * {@code user} and {@code keys}. The management commands work directly against the configured shared storage,
 * with the server's own configuration (environment, {@code PORTCULLIS_CONFIG} file); running nodes see their
 * changes at their next read, nothing is restarted.
 *
 * <p>Exit status, the same for every command:
 * <ul>
 *   <li>{@value #EXIT_OK} done (also {@code --help});</li>
 *   <li>{@value #EXIT_UNEXPECTED} an unexpected failure (a bug: the stack trace goes to stderr);</li>
 *   <li>{@value #EXIT_USAGE} usage or configuration error, invalid input (a bad option, a password too short,
 *       memory storage for a management command);</li>
 *   <li>{@value #EXIT_BACKEND_UNAVAILABLE} the configured storage does not answer;</li>
 *   <li>{@value #EXIT_NOT_SUPPORTED} not supported with this configuration (rotating an operator-provided HS256 key);</li>
 *   <li>{@value #EXIT_NOT_FOUND} no such client or user;</li>
 *   <li>{@value #EXIT_CONFLICT} conflicts with what is stored (the id is taken; a public client has no secret).</li>
 * </ul>
 */
@Command(name = "portcullis", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Portcullis OAuth 2.1 authorization server. Without a command: serve.",
        subcommands = {ServeCommand.class, ClientCommands.class, UserCommands.class, KeysCommands.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:done", "1:unexpected failure", "2:usage or configuration error, invalid input",
                "3:storage unavailable", "4:not supported with this configuration", "5:no such client or user",
                "6:conflict (already exists, or not applicable)"})
public final class Cli implements java.util.concurrent.Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_UNEXPECTED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_BACKEND_UNAVAILABLE = 3;
    public static final int EXIT_NOT_SUPPORTED = 4;
    public static final int EXIT_NOT_FOUND = 5;
    public static final int EXIT_CONFLICT = 6;

    private final Map<String, String> env;
    private final InputStream in;
    private Optional<PortcullisServer> served = Optional.empty();

    Cli(Map<String, String> env, InputStream in) {
        this.env = Map.copyOf(env);
        this.in = Objects.requireNonNull(in, "in");
    }

    /** Runs one command line; output and errors go to {@code out} and {@code err}. */
    static int execute(Cli cli, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = commandLine(cli);
        line.setOut(out);
        line.setErr(err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(Cli cli) {
        CommandLine line = new CommandLine(cli);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int status = exitStatus(e);
            if (status == EXIT_UNEXPECTED) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("portcullis: " + e.getMessage());
            }
            return status;
        });
        return line;
    }

    /** The one mapping of failures to exit status. */
    static int exitStatus(Exception e) {
        return switch (e) {
            case ConfigurationException c -> EXIT_USAGE;
            case KeyDecryptionException k -> EXIT_USAGE;
            case BackendStartupException b -> EXIT_BACKEND_UNAVAILABLE;
            case BackendUnavailableException b -> EXIT_BACKEND_UNAVAILABLE;
            default -> EXIT_UNEXPECTED;
        };
    }

    /** The exit status of a refused change. */
    static int exitStatus(AdminResult.Rejection rejection) {
        return switch (rejection) {
            case INVALID, INVALID_REDIRECT_URI -> EXIT_USAGE;
            case NOT_FOUND -> EXIT_NOT_FOUND;
            case CONFLICT -> EXIT_CONFLICT;
        };
    }

    /** Says on standard error why a change was refused, and answers the exit status of the refusal. */
    static int refused(PrintWriter err, String what, AdminResult.Rejected<?> rejected) {
        err.println("portcullis: " + what + ": " + rejected.message());
        return exitStatus(rejected.rejection());
    }

    /** No command: serve. */
    @Override
    public Integer call() {
        return serve();
    }

    int serve() {
        Settings settings = settings();
        served = Optional.of(PortcullisServer.start(settings));
        return EXIT_OK;
    }

    /** The server this command line started, if it served: Main keeps the JVM up for it. */
    Optional<PortcullisServer> served() {
        return served;
    }

    Settings settings() {
        return Settings.from(ConfigLoader.load(env, ConfigLoader.configFile(env)));
    }

    InputStream in() {
        return in;
    }

    /** A variable of the environment the command line was given (null when unset). */
    String env(String name) {
        return env.get(name);
    }

    /**
     * Runs {@code work} against the configured shared storage, closed afterwards. Memory storage is refused
     * ({@value #EXIT_USAGE}): its data live only inside a running server, use the admin API there.
     */
    int withStorage(String what, PrintWriter err, Function<Context, Integer> work) {
        Settings settings = settings();
        dev.portcullis.bootstrap.observability.Observability.applyLogFormat(settings.observability().format());
        if (settings.storage().type() == Settings.Backend.MEMORY) {
            err.println("portcullis: " + what + " works on shared storage (" + ConfigKey.STORAGE_TYPE.key()
                    + " mongo or redis); with memory storage the data live inside the running server:"
                    + " use the admin API (/admin/...) there");
            return EXIT_USAGE;
        }
        Clock clock = Clock.systemUTC();
        Storage storage = StorageFactory.open(settings, clock);
        try {
            return work.apply(new Context(settings, storage, clock));
        } finally {
            for (AutoCloseable resource : storage.resources()) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // exiting anyway
                }
            }
        }
    }

    record Context(Settings settings, Storage storage, Clock clock) {

        /** The operators' use cases over this storage; changes are audited with the operating-system user as actor. */
        AdminUseCases admin() {
            return AdminWiring.useCases(storage, AdminWiring.clientRules(settings), SecretHashers.forClientSecrets(clock),
                    SecretHashers.forPasswords(settings.users().bcryptCost(), clock), new SecureRandomSource(), clock,
                    new dev.portcullis.bootstrap.observability.LoggingAuditTrail());
        }

        void audit(String type, String... fields) {
            String[] all = new String[fields.length + 2];
            all[0] = "actor";
            all[1] = "cli:" + System.getProperty("user.name", "unknown");
            System.arraycopy(fields, 0, all, 2, fields.length);
            new dev.portcullis.bootstrap.observability.LoggingAuditTrail().record(AuditTrail.Event.of(type, all));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"portcullis " + (version == null ? "(development build)" : version)};
        }
    }
}
