package dev.portcullis.bootstrap;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.NewUser;
import dev.portcullis.application.port.in.admin.UserChanges;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code portcullis user create|disable}, against the configured shared storage. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users of the realm.",
        subcommands = {UserCommands.Create.class, UserCommands.Disable.class})
final class UserCommands implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.EXIT_USAGE;
    }

    static final class UsernameConverter implements CommandLine.ITypeConverter<Username> {
        @Override
        public Username convert(String value) {
            if (!Username.isValid(value)) {
                throw new CommandLine.TypeConversionException("not a username: 1 to 255 characters, no control characters");
            }
            return new Username(value);
        }
    }

    /** Where the password comes from: never the command line, where other users of the machine can read it. */
    static final class PasswordSource {
        @Option(names = "--password-stdin", required = true, description = "Read the password from the first line of stdin.")
        boolean stdin;
        @Option(names = "--password-env", required = true, paramLabel = "VARIABLE",
                description = "Read the password from this environment variable.")
        Optional<String> variable = Optional.empty();
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user; the password is hashed with bcrypt (users.bcrypt-cost) and never printed.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        UserCommands parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USERNAME", converter = UsernameConverter.class)
        Username username;
        @ArgGroup(exclusive = true, multiplicity = "1")
        PasswordSource password;
        @Option(names = "--role", paramLabel = "ROLE", split = ",", description = "A role (repeatable).")
        List<String> roles = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> secret = read(password);
            if (secret.isEmpty()) {
                err.println("portcullis: no password: " + (password.stdin ? "stdin is empty"
                        : "environment variable " + password.variable.orElseThrow() + " is not set"));
                return Cli.EXIT_USAGE;
            }
            return parent.cli.withStorage("user create", err, ctx -> {
                switch (ctx.admin().createUser().create(new NewUser(username, secret.get(), roles))) {
                    case AdminResult.Rejected<User> r -> {
                        return Cli.refused(err, "user " + username + " not created", r);
                    }
                    case AdminResult.Done<User> done -> {
                        ctx.audit("admin.user.created", "username", username.value());
                        spec.commandLine().getOut().println("created user " + username);
                        return Cli.EXIT_OK;
                    }
                }
            });
        }

        private Optional<String> read(PasswordSource source) {
            if (source.stdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(parent.cli.in(), StandardCharsets.UTF_8)).readLine();
                    return Optional.ofNullable(line).filter(l -> !l.isEmpty());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Optional.ofNullable(parent.cli.env(source.variable.orElseThrow())).filter(v -> !v.isEmpty());
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: no more logins or password grants, their refresh tokens stop refreshing.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UserCommands parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USERNAME", converter = UsernameConverter.class)
        Username username;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return parent.cli.withStorage("user disable", err, ctx -> {
                switch (ctx.admin().updateUser().update(username, UserChanges.disable())) {
                    case AdminResult.Rejected<User> r -> {
                        return Cli.refused(err, "user " + username, r);
                    }
                    case AdminResult.Done<User> done -> {
                        ctx.audit("admin.user.disabled", "username", username.value());
                        spec.commandLine().getOut().println("disabled user " + username);
                        return Cli.EXIT_OK;
                    }
                }
            });
        }
    }
}
