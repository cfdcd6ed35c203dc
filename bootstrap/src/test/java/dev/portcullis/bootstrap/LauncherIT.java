package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code portcullis} launcher of the distribution ({@code target/portcullis} beside the jar; {@code /app/portcullis}
 * on the image's PATH), run for real by bash: it finds a Java 21+ whatever the machine's default, and runs the
 * command line against memory storage (refused, with the reason) and against a MongoDB (the in-process wire server).
 */
class LauncherIT {

    @RegisterExtension
    static final MongoWireServer mongo = new MongoWireServer();

    private static Path launcher;

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void findTheLauncher() {
        Path jar = Path.of(System.getProperty("portcullis.jar", "target/portcullis.jar")).toAbsolutePath();
        launcher = jar.resolveSibling("portcullis");
        assertThat(launcher).as("the launcher beside the jar: run `mvn verify`, which packages both").isExecutable();
    }

    record Exited(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Exited run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(workingDirectory.toFile())
                .redirectOutput(workingDirectory.resolve("out.txt").toFile())
                .redirectError(workingDirectory.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        for (ConfigKey key : ConfigKey.values()) {
            env.remove(key.environmentVariable()); // whatever the developer's shell sets
        }
        env.remove("PORTCULLIS_CONFIG");
        env.putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end within 60 s");
        }
        return new Exited(process.exitValue(), Files.readString(workingDirectory.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(workingDirectory.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void helpRunsAndNamesEveryCommand() throws Exception {
        Exited help = run(Map.of(), "--help");

        assertThat(help.status()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: portcullis").contains("client").contains("user").contains("keys").contains("serve");
    }

    /** A JAVA_HOME that is too old (the machines' default Java 17) is passed over for a newer Java, not run into a crash. */
    @Test
    void aJavaHomeTooOldIsPassedOverForANewerJava() throws Exception {
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java17.resolve("bin/java")), "no Java 17 here to try");

        Exited help = run(Map.of("JAVA_HOME", java17.toString()), "--version");

        assertThat(help.status()).as(help.toString()).isZero();
        assertThat(help.err()).doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void withMemoryStorageAManagementCommandSaysWhereTheDataLive() throws Exception {
        Exited list = run(Map.of(), "client", "list");

        assertThat(list.status()).as(list.toString()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(list.err()).contains("admin API");
    }

    @Test
    void againstMongoItCreatesAndListsAClient() throws Exception {
        Map<String, String> env = Map.of("STORAGE_TYPE", "mongo", "MONGO_URI", mongo.uri(),
                "MONGO_DATABASE", "launcher_" + UUID.randomUUID().toString().substring(0, 8), "MONGO_TIMEOUT", "2s");

        Exited created = run(env, "client", "create", "ops", "--scope", "admin");
        Exited listed = run(env, "client", "list");

        assertThat(created.status()).as(created.toString()).isZero();
        assertThat(created.out()).contains("client_id=ops").containsPattern("client_secret=\\S{43}");
        assertThat(listed.status()).as(listed.toString()).isZero();
        assertThat(listed.out()).containsPattern("(?m)^ops +confidential +client_credentials +admin");
    }
}
