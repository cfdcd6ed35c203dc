package dev.portcullis.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.contract.LoginThrottleContract;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLoginThrottleTest extends LoginThrottleContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected LoginThrottle newThrottle(Clock clock, LoginThrottlePolicy policy) {
        return new RedisLoginThrottle(redis.backend(), clock, policy);
    }

    @Test
    void twoNodesShareTheStreaks() {
        LoginThrottle a = newThrottle(clock(), POLICY);
        LoginThrottle b = newThrottle(clock(), POLICY);
        Username carol = new Username("carol");

        a.recordFailure(carol, "192.0.2.9");
        b.recordFailure(carol, "192.0.2.9");
        a.recordFailure(carol, "192.0.2.9");

        assertThat(b.retryAfter(carol, "192.0.2.9")).contains(Duration.ofSeconds(10));
        b.recordSuccess(carol, "192.0.2.9");
        assertThat(a.retryAfter(carol, "192.0.2.9")).isEmpty();
    }

    @Test
    void colonsInTheAddressOrTheUsernameNeverMakeTwoPairsOne() {
        LoginThrottle throttle = newThrottle(clock(), POLICY);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure(new Username("b:c"), "a");
        }

        assertThat(throttle.retryAfter(new Username("b:c"), "a")).isPresent();
        assertThat(throttle.retryAfter(new Username("c"), "a:b")).isEmpty();
    }

    @Test
    void aStreakExpiresInRedisWhenItEnds() {
        Clock now = Clock.systemUTC();
        new RedisLoginThrottle(redis.backend(), now, POLICY).recordFailure(new Username("dave"), "2001:db8::1");

        List<String> keys = redis.backend().commands().keys(redis.backend().keyPrefix() + "login:*dave");
        assertThat(keys).containsExactly(redis.backend().keyPrefix() + "login:11:2001:db8::1:dave");
        // one failure locks nothing: the streak ends a window (1 minute) after it
        assertThat(redis.backend().commands().pttl(keys.getFirst())).isBetween(55_000L, 60_000L);
    }
}
