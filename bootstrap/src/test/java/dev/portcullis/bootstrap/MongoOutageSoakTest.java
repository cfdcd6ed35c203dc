package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Lifecycle.registerClient;
import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bounded soak under a MongoDB outage ({@code STORAGE_TYPE=mongo}, the real driver): 4 threads run
 * for about 11.5 s, at most 20 iterations a second each, every iteration a client_credentials token
 * (reads the client), a password grant (writes a refresh token), a refresh-token rotation (an atomic
 * update) and an admin client creation (201: an acknowledged insert), while MongoDB is stopped for
 * 3 s and started again.
 *
 * <p>What is simulated: {@link MongoWireServer} (mongo-java-server, memory backend) is shut down,
 * listener and every open connection closed, so to the driver the server is gone; it comes back
 * on the same port with the same data, as a real mongod restarts from its disk. Writes the server
 * acknowledged before it stopped are therefore all there afterwards, as they would be with a
 * journalled mongod (this is not a test of MongoDB's durability, but of Portcullis' answers).
 *
 * <p>Asserted: every answer is 2xx or 503 {@code temporarily_unavailable}; every request sent 5 s
 * after MongoDB is back succeeds; every acknowledged write is there afterwards: each client created
 * with 201 reads back 200, and each refresh token answered with 200 and not rotated since rotates
 * exactly once more (200, then {@code invalid_grant} as a replay: the rotation was stored). A write
 * answered 503 is in doubt (the server may have applied it before the connection died) and is not
 * used again. No leaks, counted after a warm-up through a short outage: the server's platform
 * threads are within 2 of before, and so are the TCP connections open to MongoDB (ESTABLISHED
 * sockets whose local port is MongoDB's, from {@code /proc/net/tcp}: the server's side of every
 * driver connection, pooled or monitoring; the wiring offers no hook for a pool listener).
 */
class MongoOutageSoakTest {

    @RegisterExtension
    static final MongoWireServer mongo = new MongoWireServer();

    /** mongo-java-server's own event loops: the fake MongoDB's, restarted with it, not the server's. */
    private static final String FAKE_MONGO_THREADS = "mongo-server-";

    /** 20 iterations (80 requests) a second per thread at the most. */
    private static final Duration PACE = Duration.ofMillis(50);

    /** Writes the server acknowledged, and refresh tokens not yet rotated. */
    private static final class Ledger {
        final Queue<String> createdClients = new ConcurrentLinkedQueue<>();
        final Queue<String> liveRefreshTokens = new ConcurrentLinkedQueue<>();
        final AtomicInteger nextClient = new AtomicInteger();
        final AtomicInteger rotations = new AtomicInteger();
    }

    @Test
    void tokenAndAdminLoadThroughAMongoOutageLosesNoAcknowledgedWriteAndRecovers() throws Exception {
        assumeThat(Path.of("/proc/net/tcp")).as("Linux, to count connections").exists();
        long started = System.nanoTime();
        try (RunningServer node = RunningServer.start("STORAGE_TYPE", "mongo", "MONGO_URI", mongo.uri(),
                "MONGO_DATABASE", "portcullis_soak", "MONGO_TIMEOUT", "1s", "USERS_BCRYPT_COST", "4")) {
            registerClient(node, "ops", "ops-secret", "admin");
            String admin = Lifecycle.token(node, "ops", "ops-secret");
            OutageSoak soak = new OutageSoak();
            Ledger ledger = new Ledger();
            Runnable iteration = paced(() -> iteration(node, admin, soak, ledger));

            OutageSoak.Outage outage = new OutageSoak.Outage(mongo::stop, mongo::restart);

            soak.warmUpThroughAnOutage(outage, iteration);
            Set<String> threadsBefore = OutageSoak.threadNames(FAKE_MONGO_THREADS);
            int connectionsBefore = connectionsTo(mongo.port());
            long backAt = soak.soakThroughAnOutage(outage, iteration);

            List<OutageSoak.Outcome> afterRecovery = soak.assertOnlyOutageErrorsAndRecoveryAfter(backAt);
            assertThat(afterRecovery).extracting(OutageSoak.Outcome::what)
                    .contains("client_credentials", "password", "refresh", "create_client");

            Thread.sleep(500);
            OutageSoak.assertNoThreadLeak(threadsBefore, OutageSoak.threadNames(FAKE_MONGO_THREADS));
            int connectionsAfter = connectionsTo(mongo.port());
            assertThat(connectionsAfter).as("connections to MongoDB before %d, after %d", connectionsBefore, connectionsAfter)
                    .isLessThanOrEqualTo(connectionsBefore + 2);

            assertEveryAcknowledgedWriteIsThere(node, admin, ledger);
            System.out.printf(Locale.ROOT, "[mongo-soak] %d answers, %d clients created, %d rotations, %d live refresh "
                            + "tokens checked, connections %d -> %d, %.1f s%n", soak.outcomes.size(), ledger.createdClients.size(),
                    ledger.rotations.get(), ledger.liveRefreshTokens.size(), connectionsBefore, connectionsAfter,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static void assertEveryAcknowledgedWriteIsThere(RunningServer node, String admin, Ledger ledger)
            throws InterruptedException {
        assertThat(ledger.createdClients).as("clients created with 201").hasSizeGreaterThan(10);
        assertThat(ledger.rotations.get()).as("rotations answered 200").isGreaterThan(10);
        assertThat(ledger.liveRefreshTokens).as("refresh tokens answered 200, not rotated since").hasSizeGreaterThan(10);
        assertThat(failing(ledger.createdClients,
                id -> node.get("/admin/clients/" + id, "Authorization", "Bearer " + admin).statusCode() != 200))
                .as("clients created with 201 but not found").isEmpty();
        assertThat(failing(ledger.liveRefreshTokens, refresh -> {
            HttpResponse<String> first = refresh(node, refresh);
            HttpResponse<String> replay = refresh(node, refresh);
            return first.statusCode() != 200 || replay.statusCode() != 400
                    || !"invalid_grant".equals(json(replay).path("error").asText());
        })).as("acknowledged refresh tokens that did not rotate exactly once").isEmpty();
    }

    /** The items for which {@code fails} holds, checked 4 at a time (as many as the load had). */
    private static List<String> failing(Collection<String> items, Predicate<String> fails) throws InterruptedException {
        try (ExecutorService checkers = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = checkers.invokeAll(
                    items.stream().<Callable<Boolean>>map(item -> () -> fails.test(item)).toList());
            List<String> failed = new ArrayList<>();
            Iterator<String> item = items.iterator();
            for (Future<Boolean> result : results) {
                String checked = item.next();
                if (result.resultNow()) {
                    failed.add(checked);
                }
            }
            return failed;
        }
    }

    /**
     * At most one iteration per {@link #PACE} on each thread: steady load, and no more writes than the
     * check afterwards goes through in a few seconds, so that the class stays bounded on a fast machine too.
     */
    private static Runnable paced(Runnable iteration) {
        return () -> {
            long start = System.nanoTime();
            iteration.run();
            long left = PACE.toMillis() - (System.nanoTime() - start) / 1_000_000;
            if (left > 0) {
                ClusterNode.sleep(left);
            }
        };
    }

    private static void iteration(RunningServer node, String admin, OutageSoak soak, Ledger ledger) {
        soak.record(System.nanoTime(), "client_credentials", token(node, form("grant_type", "client_credentials")));
        HttpResponse<String> password = soak.record(System.nanoTime(), "password",
                token(node, form("grant_type", "password", "username", "admin", "password", "secret")));
        if (password.statusCode() == 200) {
            ledger.liveRefreshTokens.add(json(password).get("refresh_token").asText());
        }
        // rotate the oldest token but keep some for the check afterwards; a 503 leaves the old token
        // in doubt (perhaps rotated, perhaps not): it is not presented again
        String oldest = ledger.liveRefreshTokens.size() > 8 ? ledger.liveRefreshTokens.poll() : null;
        if (oldest != null) {
            HttpResponse<String> rotated = soak.record(System.nanoTime(), "refresh", refresh(node, oldest));
            if (rotated.statusCode() == 200) {
                ledger.rotations.incrementAndGet();
                ledger.liveRefreshTokens.add(json(rotated).get("refresh_token").asText());
            }
        }
        String id = "soak-" + ledger.nextClient.incrementAndGet();
        HttpResponse<String> created = soak.record(System.nanoTime(), "create_client", node.send(
                HttpRequest.newBuilder(node.uri("/admin/clients")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"" + id + "\"}")).build()));
        if (created.statusCode() == 201) {
            ledger.createdClients.add(id);
        }
    }

    private static HttpResponse<String> refresh(RunningServer node, String refreshToken) {
        return token(node, form("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private static HttpResponse<String> token(RunningServer node, String body) {
        return node.send(HttpRequest.newBuilder(node.uri("/token")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("myapp", "secret"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** ESTABLISHED TCP connections whose local port is {@code port}: a server's side of its open connections. */
    private static int connectionsTo(int port) {
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.strip().split("\\s+");
                    String local = fields[1];
                    int localPort = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if (localPort == port && fields[3].equals("01")) {
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return count;
    }
}
