package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RateLimitEndToEndTest.assertTooManyRequests;
import static dev.portcullis.bootstrap.RateLimitEndToEndTest.passwordGrant;
import static dev.portcullis.bootstrap.RateLimitEndToEndTest.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.redis.RedisTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes (memory storage, revocation in one real Redis) share their rate-limit counters, client
 * lockouts and user lockouts through Redis; two nodes without Redis do not.
 */
class RedisRateLimitEndToEndTest {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private static RunningServer node(String... environment) {
        List<String> env = new ArrayList<>(List.of("REVOCATION_TYPE", "redis", "REDIS_URI", redis.uri(),
                "REDIS_KEY_PREFIX", redis.keyPrefix(), "REDIS_TIMEOUT", "1s", "HTTP_TRUST_FORWARDED_HEADERS", "true",
                "RATE_LIMIT_WINDOW", "1h", "RATE_LIMIT_LOCKOUT_WINDOW", "1h"));
        env.addAll(List.of(environment));
        return RunningServer.start(env.toArray(String[]::new));
    }

    @Test
    void aClientsRequestLimitCountsItsRequestsToEveryNode() {
        try (RunningServer a = node("RATE_LIMIT_PER_CLIENT", "4"); RunningServer b = node("RATE_LIMIT_PER_CLIENT", "4")) {
            assertThat(token(a, "secret").statusCode()).isEqualTo(200);
            assertThat(token(b, "secret").statusCode()).isEqualTo(200);
            assertThat(token(a, "secret").statusCode()).isEqualTo(200);
            assertThat(token(b, "secret").statusCode()).isEqualTo(200);
            assertTooManyRequests(token(a, "secret"), 3600);
            assertTooManyRequests(token(b, "secret"), 3600);
        }
    }

    @Test
    void failuresOnOneNodeLockTheClientOutOnTheOtherFromThatAddressOnly() {
        try (RunningServer a = node("RATE_LIMIT_LOCKOUT_FAILURES", "3"); RunningServer b = node("RATE_LIMIT_LOCKOUT_FAILURES", "3")) {
            String attacker = "203.0.113.7";
            assertThat(token(a, "wrong", "X-Forwarded-For", attacker).statusCode()).isEqualTo(401);
            assertThat(token(b, "wrong", "X-Forwarded-For", attacker).statusCode()).isEqualTo(401);
            assertThat(token(a, "wrong", "X-Forwarded-For", attacker).statusCode()).isEqualTo(401);
            assertTooManyRequests(token(b, "secret", "X-Forwarded-For", attacker), 3600);
            assertTooManyRequests(token(a, "secret", "X-Forwarded-For", attacker), 3600);
            assertThat(token(b, "secret", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordsOnOneNodeLockTheUserOutOnTheOther() {
        String[] lockout = RateLimitEndToEndTest.USER_LOCKOUT.toArray(String[]::new);
        try (RunningServer a = node(lockout); RunningServer b = node(lockout)) {
            String attacker = "203.0.113.7";
            assertThat(passwordGrant(a, "wrong", "X-Forwarded-For", attacker).statusCode()).isEqualTo(400);
            assertThat(passwordGrant(b, "wrong", "X-Forwarded-For", attacker).statusCode()).isEqualTo(400);
            assertThat(passwordGrant(a, "wrong", "X-Forwarded-For", attacker).statusCode()).isEqualTo(400);
            assertTooManyRequests(passwordGrant(b, "secret", "X-Forwarded-For", attacker), 600);
            assertTooManyRequests(passwordGrant(a, "secret", "X-Forwarded-For", attacker), 600);
            assertThat(passwordGrant(b, "secret", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutRedisEachNodeCountsAlone() {
        try (RunningServer a = RunningServer.start("RATE_LIMIT_PER_CLIENT", "2", "RATE_LIMIT_WINDOW", "1h");
             RunningServer b = RunningServer.start("RATE_LIMIT_PER_CLIENT", "2", "RATE_LIMIT_WINDOW", "1h")) {
            assertThat(token(a, "secret").statusCode()).isEqualTo(200);
            assertThat(token(a, "secret").statusCode()).isEqualTo(200);
            assertThat(token(b, "secret").statusCode()).isEqualTo(200);
            assertThat(token(b, "secret").statusCode()).isEqualTo(200);
            assertTooManyRequests(token(a, "secret"), 3600);
        }
    }
}
