package dev.portcullis.bootstrap;

import dev.portcullis.application.port.in.RotateSigningKey.KeyRotation;
import dev.portcullis.application.port.in.SigningKeySummary;
import dev.portcullis.application.service.ListSigningKeysService;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis keys rotate|list}: key operations against the configured shared storage. Running nodes pick a
 * rotation up within their key refresh interval; nothing is restarted. Exit status 4 when the configured
 * algorithm's keys are not rotated here (an operator-provided HS256 secret).
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the shared signing keys.",
        subcommands = {KeysCommands.Rotate.class, KeysCommands.ListAll.class})
final class KeysCommands implements Callable<Integer> {

    static final String USAGE = "usage: portcullis keys rotate | portcullis keys list";

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(USAGE);
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.EXIT_USAGE;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Rotate the signing key: the new key is published at once and signs after keys.activation-delay;",
                    "the keys it replaces retire once every token they signed has expired."})
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommands parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return parent.cli.withStorage("keys rotate", err, ctx -> {
                switch (LifecycleWiring.keyRotation(ctx.settings(), ctx.clock(), ctx.storage()).rotate()) {
                    case KeyRotation.NotRotatable refused -> {
                        err.println("portcullis: not rotated: " + refused.reason());
                        return Cli.EXIT_NOT_SUPPORTED;
                    }
                    case KeyRotation.Rotated rotated -> {
                        SigningKeySummary created = rotated.created();
                        ctx.audit("admin.key.rotated", "kid", created.id().value());
                        out.println("new key " + created.id() + " (" + created.algorithm()
                                + ") is published now and signs from " + created.activatesAt());
                        for (SigningKeySummary retiring : rotated.retiring()) {
                            out.println("key " + retiring.id() + " retires at " + retiring.retiresAt().orElseThrow()
                                    + ", once every token it signed has expired");
                        }
                        return Cli.EXIT_OK;
                    }
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the signing keys and where each stands (pending, signing, verifying, retired).")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        KeysCommands parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.cli.withStorage("keys list", spec.commandLine().getErr(), ctx -> {
                out.printf("%-44s %-6s %-9s %-30s %-30s %s%n", "KID", "ALG", "STATUS", "CREATED", "SIGNS FROM", "RETIRES");
                for (SigningKeySummary key : new ListSigningKeysService(ctx.storage().keys(), ctx.clock()).list()) {
                    out.printf("%-44s %-6s %-9s %-30s %-30s %s%n", key.id(), key.algorithm(),
                            key.status().name().toLowerCase(Locale.ROOT), key.createdAt(), key.activatesAt(),
                            key.retiresAt().map(Object::toString).orElse("-"));
                }
                return Cli.EXIT_OK;
            });
        }
    }
}
