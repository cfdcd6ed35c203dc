package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.redis.RedisTestServer;
import dev.portcullis.bootstrap.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell example of README.md and docs/*.md runs as a new user would paste it: each fenced {@code sh} or
 * {@code bash} block, verbatim, in order, in one non-interactive bash per file ({@code set -Eeuo pipefail}, standard
 * input closed), so that a variable set by one block is there for the next, against what the docs assume is running:
 * the dev server at {@code localhost:8080} (a fresh one per file, on a free port), a Redis at
 * {@code redis://localhost:6379} and a MongoDB at {@code mongodb://localhost:27017} (the tests' own, on free ports); the
 * blocks' addresses are rewritten to those ports and nothing else is touched. It runs after {@code package}
 * (failsafe), because the examples use {@code ./dev cli}, which runs the packaged launcher.
 *
 * <p>The conventions, so that a doc that drifts fails the build:
 * <ul>
 *   <li>A block that cannot run as pasted (a server start, a deployment's settings with placeholders) has the line
 *       {@value #ILLUSTRATIVE} right before its opening fence. Every other block runs.</li>
 *   <li>Every command must succeed. A {@code curl} answered 4xx or 5xx fails the block, unless the example shows the
 *       status itself ({@code -i}, {@code -w}, {@code -I}) or already fails on it ({@code -f}, {@code --fail-with-body}):
 *       that is how an example of an error reads. An HTTPie command must answer 2xx ({@code --check-status} is added)
 *       and must say {@code --ignore-stdin}, which a script needs.</li>
 *   <li>A block states what it expects of an answer with a command that fails otherwise ({@code jq -e}, {@code test}).</li>
 * </ul>
 * With HTTPie not installed (CI installs it, .ci/run), its lines are reported as skipped, not run.
 */
class DocExamplesIT {

    static final String ILLUSTRATIVE = "<!-- illustrative -->";
    private static final Path ROOT = DocsText.ROOT;
    private static final long FILE_LIMIT_SECONDS = 300;
    private static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z0-9_-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("(?m)^::doc-example (\\S+)$");

    @RegisterExtension
    static final MongoWireServer mongo = new MongoWireServer();

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @TempDir
    Path scratch;

    /** A fenced shell block: where it starts (the fence's line, 1-based), its text, and whether it runs. */
    record Block(String file, int line, String text, boolean runs) {
        String where() {
            return file + ":" + line;
        }
    }

    static List<Block> shellBlocks(Path document) {
        List<String> lines = DocsText.read(document).lines().toList();
        String name = ROOT.relativize(document).toString();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            String language = open.group(1);
            if (language.equals("sh") || language.equals("bash")) {
                boolean illustrative = start > 0 && lines.get(start - 1).strip().equals(ILLUSTRATIVE);
                blocks.add(new Block(name, start + 1, text.toString(), !illustrative));
            }
        }
        return blocks;
    }

    /** The documents do have runnable examples: the runner cannot pass by finding none. */
    @Test
    void theDocsHaveRunnableShellExamples() {
        List<Block> runnable = DocsText.documents().stream().flatMap(d -> shellBlocks(d).stream()).filter(Block::runs).toList();
        assertThat(runnable).hasSizeGreaterThan(10);
        assertThat(runnable).extracting(Block::file).contains("README.md", "docs/getting-started.md", "docs/grants.md");
    }

    @TestFactory
    Stream<DynamicTest> everyShellExampleRunsVerbatimAgainstTheDevServer() {
        return DocsText.documents().stream()
                .map(document -> Map.entry(document, shellBlocks(document).stream().filter(Block::runs).toList()))
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> DynamicTest.dynamicTest(ROOT.relativize(entry.getKey()).toString(),
                        () -> runInOneShell(ROOT.relativize(entry.getKey()).toString(), entry.getValue())));
    }

    private void runInOneShell(String document, List<Block> blocks) throws Exception {
        try (RunningServer server = RunningServer.start()) {
            StringBuilder script = new StringBuilder(preamble());
            for (Block block : blocks) {
                script.append("printf '\\n::doc-example %s\\n' '").append(block.where()).append("'\n");
                script.append(rewrite(block.text(), server.server.port())).append('\n');
            }
            Path file = scratch.resolve(document.replace('/', '_') + ".sh");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Path output = scratch.resolve(document.replace('/', '_') + ".out");

            ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            environment(builder.environment(), document);
            Process bash = builder.start();
            bash.getOutputStream().close(); // a script's standard input: nothing
            boolean ended = bash.waitFor(FILE_LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                bash.descendants().forEach(ProcessHandle::destroyForcibly);
                bash.destroyForcibly();
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended).as("the examples of %s ended within %d s; last: %s%n%s", document, FILE_LIMIT_SECONDS,
                    lastExample(out), tail(out)).isTrue();
            assertThat(bash.exitValue()).as("the example at %s failed (exit %d):%n%s", lastExample(out), bash.exitValue(),
                    tail(out)).isZero();
        }
    }

    /** What every file's shell starts with: strict mode, and the two HTTP clients made to fail on an error answer. */
    private static String preamble() {
        String http = commandExists("http")
                ? """
                http() {
                  case " $* " in *" --ignore-stdin "*) ;; *) echo "doc example: HTTPie without --ignore-stdin reads standard input in a script" >&2; return 2 ;; esac
                  command http --check-status "$@"
                }
                """
                : """
                http() {
                  case " $* " in *" --ignore-stdin "*) ;; *) echo "doc example: HTTPie without --ignore-stdin reads standard input in a script" >&2; return 2 ;; esac
                  echo "(HTTPie is not installed here: not run: http $*)"
                }
                """;
        return """
                set -Eeuo pipefail
                curl() {
                  local arg
                  for arg in "$@"; do
                    case "$arg" in
                      -i|--include|-I|--head|-w|--write-out|-f|--fail|--fail-with-body) command curl "$@"; return ;;
                      --*) ;;
                      -*[iIwf]*) command curl "$@"; return ;;
                    esac
                  done
                  command curl --fail-with-body "$@"
                }
                """ + http;
    }

    private static boolean commandExists(String command) {
        try {
            Process which = new ProcessBuilder("bash", "-c", "command -v " + command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The addresses the docs assume, pointed at what this test runs; nothing else in a block changes. */
    private static String rewrite(String text, int port) {
        return text.replace("localhost:8080", "localhost:" + port)
                .replace("127.0.0.1:8080", "127.0.0.1:" + port)
                .replaceAll("(?<=\\s):8080(?=[/\\s]|$)", ":" + port) // HTTPie's shorthand for localhost
                .replace("redis://localhost:6379", redis.uri())
                .replace("mongodb://localhost:27017", mongo.uri());
    }

    /** The developer's environment without any Portcullis setting of theirs; each file's stores apart from the others'. */
    private static void environment(Map<String, String> env, String document) {
        for (ConfigKey key : ConfigKey.values()) {
            env.remove(key.environmentVariable());
        }
        env.remove("PORTCULLIS_CONFIG");
        env.put("JAVA_HOME", System.getProperty("java.home")); // the JDK running the build: ./dev picks it first
        String tag = document.replaceAll("[^A-Za-z0-9]", "_");
        env.put(ConfigKey.REDIS_KEY_PREFIX.environmentVariable(), redis.keyPrefix() + tag + ":");
        env.put(ConfigKey.MONGO_DATABASE.environmentVariable(), "docs_" + tag);
    }

    private static String lastExample(String out) {
        Matcher m = MARKER.matcher(out);
        String last = "(before the first example)";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static String tail(String out) {
        return out.length() <= 6000 ? out : "…" + out.substring(out.length() - 6000);
    }
}
