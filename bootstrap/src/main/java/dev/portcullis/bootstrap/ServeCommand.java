package dev.portcullis.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code portcullis serve}: starts the server (what {@code portcullis} does without arguments). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server with the configuration from the environment and PORTCULLIS_CONFIG.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private Cli cli;

    @Override
    public Integer call() {
        return cli.serve();
    }
}
