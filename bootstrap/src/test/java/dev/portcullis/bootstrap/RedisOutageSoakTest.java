package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.portcullis.adapters.redis.RedisTestServer;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bounded soak under a Redis outage (revocation and rate limiter in Redis): 4 threads issue and
 * revoke tokens for about 10 s while Redis is stopped and restarted. No answer but 200 or 503
 * {@code temporarily_unavailable}; every request sent 5 s after Redis is back succeeds; the server's
 * platform threads are as many afterwards as before (after a warm-up through a short outage, as the
 * Redis client starts its reconnection threads lazily), within 2.
 */
class RedisOutageSoakTest {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private static final Duration RECOVERY = Duration.ofSeconds(5);

    record Outcome(long sentAt, String what, int status, String error) {}

    @Test
    void tokenLoadThroughARedisOutageOnlyEverGets503AndRecovers() throws Exception {
        assumeThat(redis.canStop()).as("a Redis this test may stop").isTrue();
        try (RunningServer node = RunningServer.start("REVOCATION_TYPE", "redis", "REDIS_URI", redis.uri(),
                "REDIS_KEY_PREFIX", redis.keyPrefix(), "REDIS_TIMEOUT", "500ms")) {
            Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            // warm up with the same concurrency, so that the client's and server's pools are at size
            AtomicBoolean warming = new AtomicBoolean(true);
            List<Thread> warm = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                warm.add(Thread.ofPlatform().name("warm-" + t).start(() -> {
                    while (warming.get()) {
                        iteration(node, outcomes);
                    }
                }));
            }
            Thread.sleep(1_000);
            // and through one short outage: the Redis client starts its reconnection threads lazily
            redis.stopKeepingData();
            Thread.sleep(1_000);
            redis.restart();
            Thread.sleep(2_000);
            warming.set(false);
            for (Thread thread : warm) {
                thread.join(Duration.ofSeconds(30));
            }
            outcomes.clear();
            Thread.sleep(200);
            Set<String> threadsBefore = threadNames();

            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(Thread.ofPlatform().name("load-" + t).start(() -> {
                    while (running.get()) {
                        iteration(node, outcomes);
                    }
                }));
            }
            Thread.sleep(2_000);
            redis.stopKeepingData();
            Thread.sleep(3_000);
            redis.restart();
            long backAt = System.nanoTime();
            Thread.sleep(RECOVERY.toMillis() + 2_000);
            running.set(false);
            for (Thread thread : load) {
                thread.join(Duration.ofSeconds(30));
            }

            List<Outcome> all = List.copyOf(outcomes);
            assertThat(all).hasSizeGreaterThan(20);
            assertThat(all).as("only 200, or 503 temporarily_unavailable")
                    .allSatisfy(o -> assertThat(o.status() == 200
                            || (o.status() == 503 && "temporarily_unavailable".equals(o.error()))).as(o.toString()).isTrue());
            assertThat(all).as("some requests hit the outage").anyMatch(o -> o.status() == 503);
            List<Outcome> afterRecovery = all.stream().filter(o -> o.sentAt() > backAt + RECOVERY.toNanos()).toList();
            assertThat(afterRecovery).as("requests sent 5 s after Redis is back").isNotEmpty()
                    .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(200));
            assertThat(afterRecovery).anyMatch(o -> o.what().equals("revoke"));

            Thread.sleep(500);
            Set<String> threadsAfter = threadNames();
            Set<String> added = new TreeSet<>(threadsAfter);
            added.removeAll(threadsBefore);
            assertThat(threadsAfter.size()).as("platform threads before %d, after %d; new: %s", threadsBefore.size(),
                    threadsAfter.size(), added).isLessThanOrEqualTo(threadsBefore.size() + 2);
        }
    }

    /**
     * The server's live platform threads, by name and id: not the test's HTTP client's workers nor
     * the JDK's reaper of the restarted redis-server process (virtual threads are not listed).
     */
    private static Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            if (!name.startsWith("HttpClient-") && !name.startsWith("process reaper") && !name.startsWith("load-")
                    && !name.startsWith("warm-")) {
                names.add(name + "#" + info.getThreadId());
            }
        }
        return names;
    }

    private static void iteration(RunningServer node, Queue<Outcome> outcomes) {
        long sent = System.nanoTime();
        HttpResponse<String> token = post(node, "/token", "grant_type=client_credentials");
        outcomes.add(outcome(sent, "token", token));
        if (token.statusCode() == 200) {
            long revokeSent = System.nanoTime();
            outcomes.add(outcome(revokeSent, "revoke", post(node, "/revoke", "token=" + json(token).get("access_token").asText())));
        }
    }

    private static HttpResponse<String> post(RunningServer node, String path, String body) {
        return node.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("myapp", "secret"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Outcome outcome(long sentAt, String what, HttpResponse<String> response) {
        String error = response.statusCode() == 200 ? null : json(response).path("error").asText(null);
        return new Outcome(sentAt, what, response.statusCode(), error);
    }
}
