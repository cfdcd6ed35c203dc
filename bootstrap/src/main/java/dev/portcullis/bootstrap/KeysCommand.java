package dev.portcullis.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code portcullis keys …} as before the picocli command line ({@link KeysCommands}), for callers that run it in-process. */
final class KeysCommand {

    private KeysCommand() {
    }

    /** @param args the command line, starting with {@code keys} */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.execute(new Cli(env, new ByteArrayInputStream(new byte[0])), args.toArray(String[]::new),
                new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8));
    }
}
