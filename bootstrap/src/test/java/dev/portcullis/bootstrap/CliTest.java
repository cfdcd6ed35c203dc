package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** The {@code portcullis} command line, run in-process, against memory storage and the in-process Mongo wire server. */
class CliTest {

    @RegisterExtension
    static final MongoWireServer mongo = new MongoWireServer();

    private final String database = "portcullis_cli_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropDatabase() {
        mongo.database(database).drop();
    }

    record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\nout: " + out + "\nerr: " + err;
        }
    }

    private Map<String, String> mongoEnv(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("STORAGE_TYPE", "mongo", "MONGO_URI", mongo.uri(),
                "MONGO_DATABASE", database, "MONGO_TIMEOUT", "1s", "USERS_BCRYPT_COST", "4"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static Run run(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.execute(new Cli(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args,
                new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private Run mongo(String... args) {
        return run(mongoEnv(), "", args);
    }

    private static String secretIn(Run run) {
        Matcher m = Pattern.compile("client_secret=(\\S+)").matcher(run.out());
        assertThat(m.find()).as(run.toString()).isTrue();
        return m.group(1);
    }

    @Test
    void everyCommandHasHelpAndExitsZero() {
        List<String[]> paths = new ArrayList<>();
        collect(Cli.commandLine(new Cli(Map.of(), System.in)), new ArrayList<>(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p)).contains("serve", "client create", "client list",
                "client rotate-secret", "client delete", "user create", "user disable", "keys rotate", "keys list");
        for (String[] path : paths) {
            String[] args = new String[path.length + 1];
            System.arraycopy(path, 0, args, 0, path.length);
            args[path.length] = "--help";
            Run help = run(Map.of(), "", args);
            assertThat(help.status()).as(String.join(" ", args) + "\n" + help).isZero();
            assertThat(help.out()).as(String.join(" ", args)).contains("Usage: portcullis " + String.join(" ", path));
        }
        assertThat(run(Map.of(), "", "--help").out()).contains("Exit status:").contains("5   no such client or user");
    }

    private static void collect(CommandLine line, List<String> prefix, List<String[]> out) {
        for (Map.Entry<String, CommandLine> sub : line.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getKey());
            out.add(path.toArray(String[]::new));
            collect(sub.getValue(), path, out);
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run(Map.of(), "", "shred").status()).isEqualTo(2);
        assertThat(run(Map.of(), "", "client").status()).as("a group without its command").isEqualTo(2);
        assertThat(run(Map.of(), "", "client", "create").status()).as("CLIENT_ID missing").isEqualTo(2);
        assertThat(run(Map.of(), "", "client", "create", "x", "--frobnicate").status()).isEqualTo(2);
        assertThat(run(Map.of(), "", "client", "create", "bad id\u0001").status()).isEqualTo(2);
        Run keys = run(Map.of(), "", "keys");
        assertThat(keys.status()).isEqualTo(2);
        assertThat(keys.err()).contains(KeysCommands.USAGE);
        assertThat(run(Map.of(), "", "user", "create", "alice").status()).as("no password source").isEqualTo(2);
        assertThat(run(Map.of(), "", "user", "create", "alice", "--password-stdin", "--password-env", "P").status())
                .as("two password sources").isEqualTo(2);
    }

    @Test
    void onMemoryStorageTheManagementCommandsPointToTheAdminApi() {
        for (String[] args : List.of(new String[] {"client", "list"}, new String[] {"client", "create", "x"},
                new String[] {"client", "delete", "x"}, new String[] {"user", "disable", "bob"}, new String[] {"keys", "list"})) {
            Run refused = run(Map.of(), "", args);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("works on shared storage").contains("/admin/");
        }
    }

    @Test
    void clientsAreManagedInTheSharedStoreAndARunningServerSeesThemWithoutRestart() {
        try (RunningServer server = RunningServer.start(mongoEnv().entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new))) {
            Run created = mongo("client", "create", "batch", "--scope", "jobs:run jobs:read", "--default-scope", "jobs:read",
                    "--access-token-ttl", "5m");
            assertThat(created.status()).as(created.toString()).isZero();
            assertThat(created.out()).contains("client_id=batch");
            String secret = secretIn(created);
            assertThat(secret).hasSize(43);

            var token = server.postForm("/token", "grant_type=client_credentials", "Authorization", basic("batch", secret));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(RunningServer.json(token).get("expires_in").asInt()).isEqualTo(300);

            Run duplicate = mongo("client", "create", "batch");
            assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(6);
            assertThat(duplicate.err()).contains("exists");

            Run list = mongo("client", "list");
            assertThat(list.status()).isZero();
            assertThat(list.out()).contains("batch").contains("confidential").contains("jobs:read jobs:run")
                    .doesNotContain(secret);

            Run rotated = mongo("client", "rotate-secret", "batch");
            assertThat(rotated.status()).as(rotated.toString()).isZero();
            String fresh = secretIn(rotated);
            assertThat(fresh).isNotEqualTo(secret);
            assertThat(server.postForm("/token", "grant_type=client_credentials", "Authorization", basic("batch", secret))
                    .statusCode()).as("the old secret ends at once").isEqualTo(401);
            assertThat(server.postForm("/token", "grant_type=client_credentials", "Authorization", basic("batch", fresh))
                    .statusCode()).isEqualTo(200);

            Run deleted = mongo("client", "delete", "batch");
            assertThat(deleted.status()).as(deleted.toString()).isZero();
            assertThat(server.postForm("/token", "grant_type=client_credentials", "Authorization", basic("batch", fresh))
                    .statusCode()).isEqualTo(401);
        }
    }

    @Test
    void clientCommandsExitWithTheStatusOfTheirRefusal() {
        assertThat(mongo("client", "rotate-secret", "nobody").status()).as("not found").isEqualTo(5);
        assertThat(mongo("client", "delete", "nobody").status()).as("not found").isEqualTo(5);
        Run spa = mongo("client", "create", "spa", "--public", "--redirect-uri", "https://spa.example/cb");
        assertThat(spa.status()).as(spa.toString()).isZero();
        assertThat(spa.out()).doesNotContain("client_secret");
        assertThat(mongo("client", "rotate-secret", "spa").status()).as("a public client has no secret").isEqualTo(6);
        Run invalid = mongo("client", "create", "pub2", "--public", "--grant-type", "client_credentials");
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(2);
        assertThat(invalid.err()).contains("public client may only use");
        assertThat(mongo("client", "create", "x", "--grant-type", "implicit").status()).isEqualTo(2);
        assertThat(mongo("client", "create", "x", "--scope", "a", "--default-scope", "b").status()).isEqualTo(2);
    }

    @Test
    void clientCreateRefusesDangerousRedirectUrisAndLifetimesBeyondTheMaximum() {
        Run js = mongo("client", "create", "js", "--public", "--redirect-uri", "javascript:alert(1)");
        assertThat(js.status()).as(js.toString()).isEqualTo(2);
        assertThat(js.err()).contains("not created").contains("scheme javascript");
        Run http = mongo("client", "create", "web", "--public", "--redirect-uri", "http://app.example/cb");
        assertThat(http.status()).as(http.toString()).isEqualTo(2);
        assertThat(http.err()).contains("loopback");
        Run localhost = run(mongoEnv("PORTCULLIS_PROFILE", "prod", "KEYS_ENCRYPTION_KEY", "A".repeat(43) + "="), "", "client",
                "create", "cli", "--public", "--redirect-uri", "http://localhost/cb");
        assertThat(localhost.status()).as("localhost over http is a dev-profile allowance: " + localhost).isEqualTo(2);
        assertThat(localhost.err()).contains("not created").contains("127.0.0.1");
        Run forever = mongo("client", "create", "forever", "--access-token-ttl", "400d");
        assertThat(forever.status()).as(forever.toString()).isEqualTo(2);
        assertThat(forever.err()).contains("access_token_ttl").contains("at most 86400");
        assertThat(mongo("client", "list").out()).doesNotContain("js").doesNotContain("web").doesNotContain("forever");

        Run raised = run(mongoEnv("TOKEN_MAX_ACCESS_TOKEN_TTL", "400d"), "", "client", "create", "forever",
                "--access-token-ttl", "400d");
        assertThat(raised.status()).as("the maximum is the operator's to raise: " + raised).isZero();
        Run nativeApp = mongo("client", "create", "native", "--public", "--redirect-uri", "com.example.app:/cb",
                "--redirect-uri", "http://127.0.0.1/cb");
        assertThat(nativeApp.status()).as(nativeApp.toString()).isZero();
    }

    @Test
    void usersAreCreatedFromStdinOrTheEnvironmentAndDisabled() {
        try (RunningServer server = RunningServer.start(mongoEnv().entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new))) {
            Run created = run(mongoEnv(), "correct horse\n", "user", "create", "alice", "--password-stdin", "--role", "ops");
            assertThat(created.status()).as(created.toString()).isZero();
            assertThat(created.out() + created.err()).doesNotContain("correct horse");
            String body = form("grant_type", "password", "username", "alice", "password", "correct horse");
            assertThat(server.postForm("/token", body, "Authorization", basic("myapp", "secret")).statusCode()).isEqualTo(200);

            assertThat(run(mongoEnv("ALICE_PW", "correct horse"), "", "user", "create", "alice", "--password-env", "ALICE_PW")
                    .status()).as("exists").isEqualTo(6);
            assertThat(run(mongoEnv("BOB_PW", "short"), "", "user", "create", "bob", "--password-env", "BOB_PW").status())
                    .as("too short").isEqualTo(2);
            assertThat(run(mongoEnv(), "", "user", "create", "bob", "--password-env", "UNSET_PW").status())
                    .as("unset variable").isEqualTo(2);
            assertThat(run(mongoEnv(), "", "user", "create", "bob", "--password-stdin").status()).as("empty stdin").isEqualTo(2);

            Run disabled = mongo("user", "disable", "alice");
            assertThat(disabled.status()).as(disabled.toString()).isZero();
            assertThat(server.postForm("/token", body, "Authorization", basic("myapp", "secret")).statusCode()).isEqualTo(400);
            assertThat(mongo("user", "disable", "nobody").status()).isEqualTo(5);
        }
    }

    @Test
    void keysAreRotatedAndListedWithTheExitCodesOfTheFormerKeysCommand() throws Exception {
        Run rotated = mongo("keys", "rotate");
        assertThat(rotated.status()).as(rotated.toString()).isZero();
        assertThat(rotated.out()).contains("is published now and signs from");
        Run listed = mongo("keys", "list");
        assertThat(listed.status()).isZero();
        assertThat(listed.out()).contains("KID").contains("signing");

        byte[] hs256 = new byte[32];
        new java.security.SecureRandom().nextBytes(hs256);
        assertThat(run(mongoEnv("SIGNING_ALGORITHM", "HS256", "SIGNING_HS256_KEY", Base64.getEncoder().encodeToString(hs256)),
                "", "keys", "rotate").status()).as("not supported").isEqualTo(4);
        assertThat(run(mongoEnv("TOKEN_ACCESS_TOKEN_TTL", "soon"), "", "keys", "list").status()).as("bad configuration")
                .isEqualTo(2);
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        Run down = run(mongoEnv("MONGO_URI", "mongodb://127.0.0.1:" + nobody), "", "client", "list");
        assertThat(down.status()).as(down.toString()).isEqualTo(3);
        assertThat(down.err()).startsWith("portcullis: ");
    }
}
