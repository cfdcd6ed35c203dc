package dev.portcullis.bootstrap;

import dev.portcullis.application.port.out.contract.Race;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.adapters.redis.RedisTestServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three Portcullis nodes as separate JVM processes, each started from the runnable jar exactly as a user
 * deploys it ({@code java @jvm.options -jar portcullis.jar}), over one MongoDB wire-protocol server listening on
 * a loopback port (storage: clients, users, codes, refresh tokens, keys) and one real {@code redis-server}
 * (revocations). Same issuer, key-encryption key and login-session key on every node, as docs/cluster.md asks.
 * Each node's output is kept in {@code target/cluster-it/node-<name>.log}; the processes are killed after the
 * class, and by a shutdown hook if the test JVM dies first. Runs after {@code package} (failsafe).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String ISSUER = "https://auth.cluster.test";
    static final String CALLBACK = "http://127.0.0.1:9999/callback";
    static final String KEY_PREFIX = "portcullis-cluster:";
    /** The issue's target: a revocation on one node is refused on every other within this, at p99. */
    static final double PROPAGATION_TARGET_MS = 50;
    private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    @Order(1)
    static final MongoWireServer mongo = new MongoWireServer();

    @RegisterExtension
    @Order(2)
    static final RedisTestServer redis = new RedisTestServer();

    private static Path jar;
    private static Map<String, String> environment;
    private static ClusterNode a;
    private static ClusterNode b;
    private static ClusterNode c;
    private static List<ClusterNode> nodes;

    @BeforeAll
    static void startTheCluster() {
        String configured = System.getProperty("portcullis.jar");
        assertThat(configured).as("the portcullis.jar system property (set by the failsafe configuration)").isNotBlank();
        jar = Path.of(configured).toAbsolutePath();
        assertThat(jar).as("the runnable jar: run `mvn verify`, which packages it first").isRegularFile();
        environment = Map.ofEntries(
                Map.entry("STORAGE_TYPE", "mongo"),
                Map.entry("MONGO_URI", mongo.uri()),
                Map.entry("MONGO_DATABASE", "portcullis-cluster"),
                Map.entry("REVOCATION_TYPE", "redis"),
                Map.entry("REDIS_URI", redis.uri()),
                Map.entry("REDIS_KEY_PREFIX", KEY_PREFIX),
                Map.entry("ISSUER", ISSUER),
                Map.entry("KEYS_ENCRYPTION_KEY", randomBase64(32)),
                Map.entry("AUTHORIZE_SESSION_KEY", randomBase64(32)),
                Map.entry("KEYS_ACTIVATION_DELAY", "1s"),
                Map.entry("USERS_BCRYPT_COST", "4")); // the seeded dev user: logins stay cheap for 100 codes
        Path logs = jar.getParent().resolve("cluster-it");
        a = new ClusterNode("a", jar, logs, environment);
        b = new ClusterNode("b", jar, logs, environment);
        c = new ClusterNode("c", jar, logs, environment);
        nodes = List.of(a, b, c);
        // A first, alone: it seeds the dev clients and the first signing key into the empty store.
        a.start();
        a.awaitReady();
        b.start();
        c.start();
        b.awaitReady();
        c.awaitReady();
        System.out.println("[cluster] 3 nodes ready on ports " + a.port + ", " + b.port + ", " + c.port + "; logs in " + logs);
    }

    @AfterAll
    static void stopTheCluster() {
        if (nodes != null) {
            nodes.forEach(ClusterNode::close);
        }
    }

    /** A test that killed a node or stopped Redis and failed leaves the next one a whole cluster. */
    @BeforeEach
    void everyNodeRuns() {
        for (ClusterNode node : nodes) {
            if (!node.isAlive()) {
                node.start();
            }
        }
        nodes.forEach(ClusterNode::awaitReady);
    }

    @Test
    @Order(1)
    void aTokenIssuedByOneNodeIsAcceptedByEveryNode() {
        for (ClusterNode issuer : nodes) {
            String token = issuer.token();
            for (ClusterNode verifier : nodes) {
                HttpResponse<String> whoami = verifier.get("/whoami", "Authorization", "Bearer " + token);
                assertThat(whoami.statusCode()).as("issued by " + issuer + ", presented to " + verifier).isEqualTo(200);
                assertThat(json(whoami).get("client_id").asText()).isEqualTo("myapp");
                assertThat(json(whoami).get("iss").asText()).isEqualTo(ISSUER);
            }
        }
        assertThat(b.whoami(a.token() + "x")).as("the control: a token with a broken signature").isEqualTo(401);
    }

    @Test
    @Order(2)
    void aTokenRevokedOnBIsRefusedOnAAndCWithinTheTargetAtP99() throws Exception {
        int revocations = 100;
        int warmUp = 10; // the first revocations of a fresh JVM run interpreted code: measured, not counted
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < revocations + warmUp; i++) {
            tokens.add(a.token());
        }
        double[] millis = new double[revocations + warmUp];
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < revocations + warmUp; i++) {
                String token = tokens.get(i);
                assertThat(a.whoami(token)).as("accepted on A before").isEqualTo(200);
                assertThat(c.whoami(token)).as("accepted on C before").isEqualTo(200);

                assertThat(b.revoke(token).statusCode()).isEqualTo(200);
                long acknowledged = System.nanoTime();
                CompletableFuture<Long> onA = CompletableFuture.supplyAsync(() -> firstRefusal(a, token), pollers);
                CompletableFuture<Long> onC = CompletableFuture.supplyAsync(() -> firstRefusal(c, token), pollers);
                millis[i] = (Math.max(onA.get(10, TimeUnit.SECONDS), onC.get(10, TimeUnit.SECONDS)) - acknowledged) / 1e6;
            }
        } finally {
            pollers.shutdownNow();
        }
        millis = Arrays.copyOfRange(millis, warmUp, millis.length);
        Arrays.sort(millis);
        double p50 = percentile(millis, 50);
        double p99 = percentile(millis, 99);
        String figures = String.format("revoked on B, refused on both A and C, from B's 200 to the first 401 on each (including the"
                + " request that saw it), %d revocations: p50 %.1f ms, p99 %.1f ms, max %.1f ms", revocations, p50, p99,
                millis[millis.length - 1]);
        System.out.println("[cluster] " + figures);
        write("propagation.txt", figures);
        assertThat(p99).as(figures).isLessThanOrEqualTo(PROPAGATION_TARGET_MS);
    }

    /** Polls the node with the token until it answers 401; the instant of that answer. Gives up after 5 s. */
    private static long firstRefusal(ClusterNode node, String token) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            int status = node.whoami(token);
            if (status == 401) {
                return System.nanoTime();
            }
            if (status != 200) {
                throw new AssertionError(node + " answered " + status);
            }
        }
        throw new AssertionError(node + " still accepts a token revoked 5 s ago");
    }

    @Test
    @Order(3)
    void aCodeIssuedViaAIsRedeemedExactlyOnceWhenBAndCRaceForIt() {
        int rounds = 100;
        int[] winsOf = new int[2];
        for (int round = 0; round < rounds; round++) {
            CodeFlow flow = new CodeFlow(CALLBACK);
            String code = codeFromLoginPage(a, flow);
            String body = form("grant_type", "authorization_code", "client_id", "spa", "code", code, "redirect_uri", CALLBACK,
                    "code_verifier", flow.verifier);
            List<ClusterNode> racers = List.of(b, c);
            List<Integer> order = new ArrayList<>(List.of(0, 1));
            Collections.shuffle(order); // neither node is always first off the line
            List<HttpResponse<String>> responses = raceOnce(racers, order, body);

            List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses).as("round " + round + ": B and C redeem one code").containsExactlyInAnyOrder(200, 400);
            HttpResponse<String> loser = responses.get(statuses.indexOf(400));
            assertThat(json(loser).get("error").asText()).isEqualTo("invalid_grant");
            winsOf[statuses.indexOf(200)]++;
        }
        System.out.println("[cluster] " + rounds + " codes issued via A, raced by B and C: B won " + winsOf[0] + ", C won " + winsOf[1]);
    }

    private static List<HttpResponse<String>> raceOnce(List<ClusterNode> racers, List<Integer> order, String body) {
        List<HttpResponse<String>> responses = Race.run(2, new java.util.concurrent.Callable<HttpResponse<String>>() {
            private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public HttpResponse<String> call() {
                ClusterNode racer = racers.get(order.get(next.getAndIncrement()));
                return racer.postForm("/token", body);
            }
        });
        List<HttpResponse<String>> sorted = new ArrayList<>(responses); // B's answer first
        sorted.sort((x, y) -> Integer.compare(x.uri().getPort() == b.port ? 0 : 1, y.uri().getPort() == b.port ? 0 : 1));
        return sorted;
    }

    /** The login page on {@code node} as a browser drives it: open the authorization URL, post the form, read the code off the redirect. */
    private static String codeFromLoginPage(ClusterNode node, CodeFlow flow) {
        HttpResponse<String> page = ClusterNode.send(java.net.http.HttpRequest.newBuilder(URI.create(flow.authorizeUrl(node.uri("").toString())))
                .timeout(Duration.ofSeconds(10)).GET().build());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher session = SESSION.matcher(page.body());
        assertThat(session.find()).as("the login form's session").isTrue();
        String cookie = page.headers().allValues("Set-Cookie").stream().map(v -> v.split(";", 2)[0])
                .reduce((x, y) -> x + "; " + y).orElseThrow(() -> new AssertionError("no CSRF cookie"));
        HttpResponse<String> login = node.postForm("/authorize", form("session", session.group(1), "username", "admin",
                "password", "secret", "action", "login"), "Cookie", cookie);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        URI location = URI.create(login.headers().firstValue("Location").orElseThrow());
        Map<String, String> response = CodeFlow.query(location);
        assertThat(response).containsEntry("state", flow.state).containsEntry("iss", ISSUER);
        return response.get("code");
    }

    @Test
    @Order(4)
    void aRefreshTokenRotatedConcurrentlyOnTwoNodesHasOneWinnerAndReuseRevokesTheFamilyEverywhere() {
        for (int round = 0; round < 5; round++) {
            JsonNode issued = ok(a.postForm("/token", form("grant_type", "password", "username", "admin", "password", "secret",
                    "client_id", "myapp", "client_secret", "secret", "scope", "read")));
            String refreshToken = issued.get("refresh_token").asText();
            String accessToken = issued.get("access_token").asText();
            for (ClusterNode node : nodes) {
                assertThat(node.whoami(accessToken)).as("the family's access token works on " + node + " before").isEqualTo(200);
            }
            String body = form("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "myapp",
                    "client_secret", "secret");

            List<HttpResponse<String>> responses = raceOnce(List.of(b, c), List.of(0, 1), body);

            List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses).as("round " + round + ": B and C rotate one refresh token").containsExactlyInAnyOrder(200, 400);
            assertThat(json(responses.get(statuses.indexOf(400))).get("error").asText()).isEqualTo("invalid_grant");
            JsonNode winner = json(responses.get(statuses.indexOf(200)));
            String winnersRefresh = winner.get("refresh_token").asText();
            String winnersAccess = winner.get("access_token").asText();

            // The loser presented a rotated token: reuse. The whole family is revoked, on every node.
            for (ClusterNode node : nodes) {
                awaitTrue(node + " refuses the family's first access token", () -> node.whoami(accessToken) == 401);
                awaitTrue(node + " refuses the winner's access token", () -> node.whoami(winnersAccess) == 401);
            }
            assertThat(a.postForm("/token", form("grant_type", "refresh_token", "refresh_token", winnersRefresh, "client_id", "myapp",
                    "client_secret", "secret")).statusCode()).as("the winner's refresh token belongs to the revoked family").isEqualTo(400);
        }
    }

    @Test
    @Order(5)
    void aKeyRotatedWithTheCliIsPublishedByEveryNodeAndSignsOnEveryNodeAfterTheDelayWithoutARestart() throws Exception {
        String before = a.token();
        String oldKid = Lifecycle.kid(before);
        Path out = jar.getParent().resolve("cluster-it").resolve("keys-rotate.log");
        Process cli = ClusterNode.command(jar, environment, "keys", "rotate").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("keys rotate finished").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(cli.exitValue()).as(printed).isZero();
        Matcher created = Pattern.compile("new key (\\S+) ").matcher(printed);
        assertThat(created.find()).as(printed).isTrue();
        String newKid = created.group(1);
        assertThat(newKid).isNotEqualTo(oldKid);

        for (ClusterNode node : nodes) {
            awaitTrue(node + " publishes " + newKid, Duration.ofSeconds(15), () -> node.get("/jwks").body().contains(newKid));
        }
        for (ClusterNode node : nodes) {
            awaitTrue(node + " signs with " + newKid, Duration.ofSeconds(15), () -> Lifecycle.kid(node.token()).equals(newKid));
        }
        for (ClusterNode issuer : nodes) {
            String token = issuer.token();
            for (ClusterNode verifier : nodes) {
                assertThat(verifier.whoami(token)).as("new key: " + issuer + " to " + verifier).isEqualTo(200);
                assertThat(verifier.whoami(before)).as("a token of the previous key still verifies on " + verifier).isEqualTo(200);
            }
            assertThat(issuer.get("/jwks").body()).as("the previous key is still published").contains(oldKid);
        }
    }

    @Test
    @Order(7)
    void killingANodeMidLoadLosesNoAcknowledgedRevocationAndTheOthersKeepServing() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            tokens.add(a.token());
        }
        String untouched = a.token();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        Thread load = Thread.ofPlatform().name("revocations-on-c").start(() -> {
            for (String token : tokens) {
                try {
                    if (c.revoke(token).statusCode() == 200) {
                        acknowledged.add(token);
                    }
                } catch (UncheckedIOException refusedOrCut) {
                    if (killed.get()) {
                        return; // the node is gone: nothing more to acknowledge
                    }
                }
            }
        });
        awaitTrue("some revocations acknowledged by C", () -> acknowledged.size() >= 30);
        killed.set(true);
        c.kill();
        load.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(load.isAlive()).isFalse();
        assertThat(acknowledged.size()).as("killed mid-load, not after it").isLessThan(tokens.size());
        System.out.println("[cluster] node C killed after acknowledging " + acknowledged.size() + " of " + tokens.size() + " revocations");

        for (ClusterNode survivor : List.of(a, b)) {
            for (String token : acknowledged) {
                awaitTrue(survivor + " refuses every revocation C acknowledged", () -> survivor.whoami(token) == 401);
            }
            assertThat(survivor.whoami(untouched)).as("the control: a token nobody revoked").isEqualTo(200);
            assertThat(survivor.get("/health/ready").statusCode()).isEqualTo(200);
        }
        String fresh = b.token();
        assertThat(a.whoami(fresh)).as("the survivors keep serving").isEqualTo(200);
        assertThat(a.revoke(fresh).statusCode()).isEqualTo(200);
        awaitTrue("B refuses what A revoked after the crash", () -> b.whoami(fresh) == 401);
    }

    @Test
    @Order(6)
    void stoppingAndRestartingRedisDuringLoadLosesNoAcknowledgedRevocation() throws Exception {
        assumeThat(redis.canStop()).as("a Redis given by REDIS_URI is not ours to stop").isTrue();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            tokens.add(a.token());
        }
        String untouched = a.token();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new HashMap<>());
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> broke = new java.util.concurrent.atomic.AtomicReference<>();
        Thread load = Thread.ofPlatform().name("revocations-on-b").uncaughtExceptionHandler((t, e) -> broke.set(e)).start(() -> {
            for (String token : tokens) {
                if (stop.get()) {
                    return;
                }
                int status = b.revoke(token).statusCode();
                statuses.merge(status, 1, Integer::sum);
                (status == 200 ? acknowledged : refused).add(token);
                if (status != 200) {
                    ClusterNode.sleep(20); // a client honouring Retry-After, briefly
                }
            }
        });
        try {
            awaitTrue("revocations acknowledged before the outage", () -> acknowledged.size() >= 30);
            redis.stop(); // a crash: the restarted server has lost every key
            int before = acknowledged.size();
            awaitTrue("revocations refused during the outage", () -> refused.size() >= 3);
            assertThat(acknowledged.size() - before).as("acknowledged while Redis was down (at most the one in flight)")
                    .isLessThanOrEqualTo(1);
        } finally {
            redis.restart();
        }
        int outageAcknowledged = acknowledged.size();
        awaitTrue("revocations acknowledged again after the restart", Duration.ofSeconds(30),
                () -> acknowledged.size() >= outageAcknowledged + 30 || !load.isAlive());
        stop.set(true);
        load.join(TimeUnit.SECONDS.toMillis(30));
        System.out.println("[cluster] revocations on B across a Redis crash and restart: " + statuses);
        assertThat(broke.get()).as("the revoking client got an answer to every request").isNull();
        assertThat(acknowledged.size()).as("revocations acknowledged again after the restart").isGreaterThanOrEqualTo(outageAcknowledged + 30);
        assertThat(statuses.keySet()).as("200 or 503, nothing else: " + statuses).containsOnly(200, 503);

        for (ClusterNode node : nodes) {
            awaitTrue(node + " ready again", Duration.ofSeconds(30), () -> node.get("/health/ready").statusCode() == 200);
            for (String token : acknowledged) {
                awaitTrue(node + " refuses every acknowledged revocation", () -> node.whoami(token) == 401);
            }
            assertThat(node.whoami(untouched)).as("the control").isEqualTo(200);
        }
        // The restarted Redis lost them all; the nodes' near-caches wrote them back.
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            var commands = connection.sync();
            for (String token : acknowledged) {
                String key = KEY_PREFIX + "revoked:" + Lifecycle.jti(token);
                awaitTrue(key + " written back to Redis", Duration.ofSeconds(30), () -> commands.exists(key) == 1);
            }
        } finally {
            client.shutdown();
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        awaitTrue(what, Duration.ofSeconds(5), condition);
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            ClusterNode.sleep(5);
        }
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void write(String file, String text) {
        try {
            Path dir = jar.getParent().resolve("cluster-it");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text + "\n", StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomBase64(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }
}
