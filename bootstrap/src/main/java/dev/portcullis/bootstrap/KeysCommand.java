package dev.portcullis.bootstrap;

import dev.portcullis.application.port.in.ListSigningKeys;
import dev.portcullis.application.port.in.RotateSigningKey;
import dev.portcullis.application.port.in.RotateSigningKey.KeyRotation;
import dev.portcullis.application.port.in.SigningKeySummary;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.service.ListSigningKeysService;
import dev.portcullis.bootstrap.config.ConfigKey;
import dev.portcullis.bootstrap.config.ConfigLoader;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Settings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code portcullis keys rotate} and {@code portcullis keys list}: key operations run directly against the
 * configured shared storage, with the same configuration as the server (environment, file). Running nodes
 * pick a rotation up within their key refresh interval; nothing is restarted.
 *
 * <p>Exit status: 0 done; 2 usage or configuration error (including memory storage, whose keys live only
 * inside a running server); 3 storage unavailable; 4 the configured algorithm's keys are not rotated here (HS256).
 */
final class KeysCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = Main.EXIT_BAD_CONFIGURATION;
    static final int EXIT_BACKEND_UNAVAILABLE = Main.EXIT_BACKEND_UNAVAILABLE;
    static final int EXIT_NOT_ROTATABLE = 4;

    static final String USAGE = "usage: portcullis keys rotate | portcullis keys list";

    private KeysCommand() {
    }

    /** @param args the command line, starting with {@code keys} */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !args.get(0).equals("keys") || !List.of("rotate", "list").contains(args.get(1))) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        Storage storage = null;
        try {
            Settings settings = Settings.from(ConfigLoader.load(env, ConfigLoader.configFile(env)));
            if (settings.storage().type() == Settings.Backend.MEMORY) {
                err.println("portcullis: keys " + args.get(1) + " works on shared storage (" + ConfigKey.STORAGE_TYPE.key()
                        + " mongo or redis); with memory storage the keys live inside the running server:"
                        + " use POST /admin/keys/rotate there");
                return EXIT_USAGE;
            }
            Clock clock = Clock.systemUTC();
            storage = StorageFactory.open(settings, clock);
            return args.get(1).equals("rotate")
                    ? rotate(LifecycleWiring.keyRotation(settings, clock, storage), out, err)
                    : list(new ListSigningKeysService(storage.keys(), clock), out);
        } catch (ConfigurationException e) {
            err.println("portcullis: " + e.getMessage());
            return EXIT_USAGE;
        } catch (BackendStartupException e) {
            err.println("portcullis: " + e.getMessage());
            return EXIT_BACKEND_UNAVAILABLE;
        } catch (BackendUnavailableException e) {
            err.println("portcullis: " + e.getMessage());
            return EXIT_BACKEND_UNAVAILABLE;
        } finally {
            if (storage != null) {
                close(storage);
            }
        }
    }

    private static int rotate(RotateSigningKey rotation, PrintStream out, PrintStream err) {
        switch (rotation.rotate()) {
            case KeyRotation.NotRotatable refused -> {
                err.println("portcullis: not rotated: " + refused.reason());
                return EXIT_NOT_ROTATABLE;
            }
            case KeyRotation.Rotated rotated -> {
                SigningKeySummary created = rotated.created();
                out.println("new key " + created.id() + " (" + created.algorithm() + ") is published now and signs from "
                        + created.activatesAt());
                for (SigningKeySummary retiring : rotated.retiring()) {
                    out.println("key " + retiring.id() + " retires at " + retiring.retiresAt().orElseThrow()
                            + ", once every token it signed has expired");
                }
                return EXIT_OK;
            }
        }
    }

    private static int list(ListSigningKeys keys, PrintStream out) {
        out.printf("%-44s %-6s %-9s %-30s %-30s %s%n", "KID", "ALG", "STATUS", "CREATED", "SIGNS FROM", "RETIRES");
        for (SigningKeySummary key : keys.list()) {
            out.printf("%-44s %-6s %-9s %-30s %-30s %s%n", key.id(), key.algorithm(),
                    key.status().name().toLowerCase(Locale.ROOT), key.createdAt(), key.activatesAt(),
                    key.retiresAt().map(Object::toString).orElse("-"));
        }
        return EXIT_OK;
    }

    private static void close(Storage storage) {
        for (AutoCloseable resource : storage.resources()) {
            try {
                resource.close();
            } catch (Exception e) {
                // exiting anyway
            }
        }
    }
}
