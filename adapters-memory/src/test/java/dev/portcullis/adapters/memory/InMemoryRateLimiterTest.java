package dev.portcullis.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RateLimiter.Limit;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.port.out.contract.RateLimiterContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter(Clock clock) {
        return new InMemoryRateLimiter(clock);
    }

    @Test
    void countersOfEndedWindowsArePrunedOnceTheMapIsLarge() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T10:00:00Z"));
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
        for (int i = 0; i <= InMemoryRateLimiter.PRUNE_ABOVE; i++) {
            limiter.acquire(List.of(new Limit(Limit.Kind.PER_ADDRESS, "ip:" + i, 5, Duration.ofSeconds(1))));
        }
        clock.advance(Duration.ofSeconds(2));
        limiter.acquire(List.of(new Limit(Limit.Kind.PER_ADDRESS, "ip:new", 5, Duration.ofSeconds(1))));
        assertThat(limiter.size()).isEqualTo(1);
    }
}
