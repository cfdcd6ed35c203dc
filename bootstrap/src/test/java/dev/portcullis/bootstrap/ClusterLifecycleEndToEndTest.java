package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Lifecycle.kid;
import static dev.portcullis.bootstrap.Lifecycle.registerClient;
import static dev.portcullis.bootstrap.Lifecycle.revoke;
import static dev.portcullis.bootstrap.Lifecycle.token;
import static dev.portcullis.bootstrap.Lifecycle.whoami;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.portcullis.adapters.redis.RedisTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real nodes in one JVM over one real Redis (shared storage and revocation): a revocation on one is
 * refused on the other, a key rotated on one (over HTTP or with the CLI) is published and used by both,
 * and a Redis outage makes revocation unavailable without making verification forget.
 */
class ClusterLifecycleEndToEndTest {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private final List<RunningServer> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(RunningServer::close);
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "STORAGE_TYPE", "redis",
                "REDIS_URI", redis.uri(),
                "REDIS_KEY_PREFIX", redis.keyPrefix(),
                "REDIS_TIMEOUT", "500ms",
                "KEYS_ACTIVATION_DELAY", "2s",
                "ISSUER", "https://auth.cluster.test")); // one issuer behind the load balancer, whichever node answers
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private RunningServer node(String... more) {
        List<String> flat = new ArrayList<>();
        env(more).forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        RunningServer node = RunningServer.start(flat.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedOnTheOther() {
        RunningServer a = node();
        RunningServer b = node();
        String token = a.devToken();
        assertThat(whoami(b, token)).as("issued by A, accepted by B: shared keys").isEqualTo(200);

        assertThat(revoke(a, "myapp", "secret", "token", token).statusCode()).isEqualTo(200);

        long acknowledged = System.nanoTime();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).until(() -> whoami(b, token) == 401);
        System.out.printf("[cluster] revoked on A, refused on B %.1f ms after A's 200 (including the polling request)%n",
                (System.nanoTime() - acknowledged) / 1e6);
        assertThat(json(Lifecycle.introspect(b, "myapp", "secret", "token", token)).get("active").asBoolean()).isFalse();
    }

    @Test
    void aKeyRotatedOnOneNodeIsPublishedAndUsedByEveryNode() {
        RunningServer a = node();
        RunningServer b = node();
        registerClient(a, "ops", "ops-secret", "admin");
        String before = b.devToken();

        HttpResponse<String> rotated = a.postForm("/admin/keys/rotate", "", "Authorization",
                "Bearer " + token(b, "ops", "ops-secret"));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKid = json(rotated).get("created").get("kid").asText();

        assertThat(a.get("/jwks").body()).as("on the rotating node at once").contains(newKid);
        await("published by B after its key refresh").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> b.get("/jwks").body().contains(newKid));
        await("both sign with it after the delay").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> kid(a.devToken()).equals(newKid) && kid(b.devToken()).equals(newKid));
        assertThat(whoami(a, before)).isEqualTo(200);
        assertThat(whoami(b, a.devToken())).isEqualTo(200);
    }

    @Test
    void theKeysCommandRotatesAndListsKeysInTheSharedStore() {
        RunningServer running = node();
        String oldKid = kid(running.devToken());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int listed = keys(List.of("keys", "list"), env(), print(out), print(err));
        assertThat(listed).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(oldKid).contains("signing");

        out.reset();
        int rotated = keys(List.of("keys", "rotate"), env(), print(out), print(err));
        assertThat(rotated).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("is published now and signs from").contains("key " + oldKid + " retires at");
        String newKid = printed.substring("new key ".length(), printed.indexOf(' ', "new key ".length()));

        await("the running node publishes the key the CLI made, without a restart").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> running.get("/jwks").body().contains(newKid));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> kid(running.devToken()).equals(newKid));

        out.reset();
        assertThat(keys(List.of("keys", "list"), env(), print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(newKid).contains(oldKid).contains("verifying");
    }

    @Test
    void theKeysCommandExitsNonZeroWhenItCannotDoItsJob() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = print(new ByteArrayOutputStream());
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        byte[] hs256 = new byte[32];
        new java.security.SecureRandom().nextBytes(hs256);

        assertThat(keys(List.of("keys"), env(), out, print(err))).as("usage").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: portcullis keys rotate");
        assertThat(keys(List.of("keys", "shred"), env(), out, print(err))).isEqualTo(2);
        assertThat(keys(List.of("keys", "rotate"), Map.of(), out, print(err)))
                .as("memory storage: the keys live inside a running server").isEqualTo(2);
        assertThat(keys(List.of("keys", "rotate"), env("TOKEN_ACCESS_TOKEN_TTL", "soon"), out, print(err)))
                .as("bad configuration").isEqualTo(2);
        assertThat(keys(List.of("keys", "rotate"), env("REDIS_URI", "redis://127.0.0.1:" + nobody), out, print(err)))
                .as("storage unreachable").isEqualTo(3);
        assertThat(keys(List.of("keys", "rotate"), env("SIGNING_ALGORITHM", "HS256",
                "SIGNING_HS256_KEY", Base64.getEncoder().encodeToString(hs256)), out, print(err)))
                .as("shared secrets are not generated").isEqualTo(4);
    }

    @Test
    void whileRedisIsDownRevocationIsUnavailableAndVerificationRemembers() {
        assumeThat(redis.canStop()).as("REDIS_URI servers are not ours to stop").isTrue();
        // memory storage, Redis revocation: clients and keys stay available while Redis is down
        RunningServer node = node("STORAGE_TYPE", "memory", "REVOCATION_TYPE", "redis");
        String revokedBefore = node.devToken();
        String notRevoked = node.devToken();
        assertThat(revoke(node, "myapp", "secret", "token", revokedBefore).statusCode()).isEqualTo(200);

        redis.stop();
        try {
            HttpResponse<String> refused = revoke(node, "myapp", "secret", "token", notRevoked);
            assertThat(refused.statusCode()).as("no durability, no acknowledgement").isEqualTo(503);
            assertThat(json(refused).get("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(whoami(node, revokedBefore)).as("the near-cache still refuses it").isEqualTo(401);
            assertThat(whoami(node, notRevoked)).isEqualTo(200);
            HttpResponse<String> ready = node.get("/health/ready");
            assertThat(ready.statusCode()).as("degraded, still in rotation: it verifies from its near-cache").isEqualTo(200);
            assertThat(json(ready).get("status").asText()).isEqualTo("DEGRADED");
        } finally {
            redis.restart();
        }

        await("Redis is back").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> json(node.get("/health/ready")).get("status").asText().equals("UP"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> revoke(node, "myapp", "secret", "token", notRevoked).statusCode() == 200);
        assertThat(whoami(node, notRevoked)).isEqualTo(401);
        assertThat(whoami(node, revokedBefore)).isEqualTo(401);
    }

    /** {@code portcullis keys …} in-process, through the launcher's command line. */
    private static int keys(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.execute(new Cli(env, new ByteArrayInputStream(new byte[0])), args.toArray(String[]::new),
                new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
