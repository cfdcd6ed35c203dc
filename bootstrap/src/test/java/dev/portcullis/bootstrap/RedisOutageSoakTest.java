package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.portcullis.adapters.redis.RedisTestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
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

    /** The JDK's reaper of a restarted redis-server child process is the test's, not the server's. */
    private static final String REAPER = "process reaper";

    @Test
    void tokenLoadThroughARedisOutageOnlyEverGets503AndRecovers() throws Exception {
        assumeThat(redis.canStop()).as("a Redis this test may stop").isTrue();
        try (RunningServer node = RunningServer.start("REVOCATION_TYPE", "redis", "REDIS_URI", redis.uri(),
                "REDIS_KEY_PREFIX", redis.keyPrefix(), "REDIS_TIMEOUT", "500ms")) {
            OutageSoak soak = new OutageSoak();
            OutageSoak.Outage outage = new OutageSoak.Outage(redis::stopKeepingData, redis::restart);
            Runnable iteration = () -> iteration(node, soak);

            // the warm-up's outage matters: the Redis client starts its reconnection threads lazily
            soak.warmUpThroughAnOutage(outage, iteration);
            Set<String> threadsBefore = OutageSoak.threadNames(REAPER);
            long backAt = soak.soakThroughAnOutage(outage, iteration);

            assertThat(soak.assertOnlyOutageErrorsAndRecoveryAfter(backAt)).anyMatch(o -> o.what().equals("revoke"));
            Thread.sleep(500);
            OutageSoak.assertNoThreadLeak(threadsBefore, OutageSoak.threadNames(REAPER));
        }
    }

    private static void iteration(RunningServer node, OutageSoak soak) {
        HttpResponse<String> token = soak.record(System.nanoTime(), "token", post(node, "/token", "grant_type=client_credentials"));
        if (token.statusCode() == 200) {
            long revokeSent = System.nanoTime();
            soak.record(revokeSent, "revoke", post(node, "/revoke", "token=" + json(token).get("access_token").asText()));
        }
    }

    private static HttpResponse<String> post(RunningServer node, String path, String body) {
        return node.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("myapp", "secret"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
