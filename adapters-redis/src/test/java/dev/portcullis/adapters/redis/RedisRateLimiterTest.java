package dev.portcullis.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RateLimiter.Limit;
import dev.portcullis.application.port.out.contract.RateLimiterContract;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRateLimiterTest extends RateLimiterContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected RateLimiter newLimiter(Clock clock) {
        return new RedisRateLimiter(redis.backend(), clock);
    }

    @Test
    void twoNodesShareTheCounters() {
        Clock clock = Clock.systemUTC();
        RedisRateLimiter a = new RedisRateLimiter(redis.backend(), clock);
        RedisRateLimiter b = new RedisRateLimiter(redis.backend(), clock);
        Limit two = new Limit(Limit.Kind.PER_CLIENT, "shared:" + System.nanoTime(), 2, Duration.ofMinutes(10));
        assertThat(a.acquire(List.of(two))).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(b.acquire(List.of(two))).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(a.acquire(List.of(two))).isInstanceOf(RateLimiter.Limited.class);
        assertThat(b.blocked(two)).isPresent();
    }

    @Test
    void countersExpireInRedis() {
        Limit limit = new Limit(Limit.Kind.PER_CLIENT, "ttl:" + System.nanoTime(), 5, Duration.ofSeconds(30));
        new RedisRateLimiter(redis.backend(), Clock.systemUTC()).acquire(List.of(limit));
        List<String> keys = redis.backend().commands().keys(redis.backend().keyPrefix() + "rate:" + limit.key() + ":*");
        assertThat(keys).hasSize(1);
        assertThat(redis.backend().commands().pttl(keys.getFirst())).isBetween(1L, 60_000L);
    }
}
