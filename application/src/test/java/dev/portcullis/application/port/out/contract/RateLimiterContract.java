package dev.portcullis.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RateLimiter.Allowed;
import dev.portcullis.application.port.out.RateLimiter.Limit;
import dev.portcullis.application.port.out.RateLimiter.Limited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} does: fixed windows by its clock, every request counted, the first
 * exceeded limit named with the time until its window ends, keys independent, counts exact under
 * concurrency. Extend it and return a new limiter over {@code clock} in {@link #newLimiter}.
 */
public abstract class RateLimiterContract {

    /** On a window boundary of every window length used here. */
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    protected abstract RateLimiter newLimiter(Clock clock);

    private MutableClock clock;
    private RateLimiter limiter;
    private String prefix;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at(T0);
        limiter = newLimiter(clock);
        prefix = UUID.randomUUID() + ":";
    }

    private Limit limit(String key, int max) {
        return new Limit(Limit.Kind.PER_CLIENT, prefix + key, max, MINUTE);
    }

    @Test
    void allowsUpToTheLimitThenRefusesUntilTheWindowEnds() {
        Limit three = limit("a", 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(List.of(three))).isInstanceOf(Allowed.class);
        }
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire(List.of(three))).isEqualTo(new Limited(three, Duration.ofSeconds(40)));
        assertThat(limiter.blocked(three)).contains(Duration.ofSeconds(40));

        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.blocked(three)).isEmpty();
        assertThat(limiter.acquire(List.of(three))).isInstanceOf(Allowed.class);
    }

    @Test
    void refusedRequestsCountToo() {
        Limit one = limit("b", 1);
        limiter.acquire(List.of(one));
        limiter.acquire(List.of(one));
        limiter.acquire(List.of(one));
        assertThat(limiter.acquire(List.of(one))).isInstanceOf(Limited.class);
    }

    @Test
    void blockedDoesNotCount() {
        Limit two = limit("c", 2);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.blocked(two)).isEmpty();
        }
        assertThat(limiter.acquire(List.of(two))).isInstanceOf(Allowed.class);
        assertThat(limiter.blocked(two)).isEmpty();
        assertThat(limiter.acquire(List.of(two))).isInstanceOf(Allowed.class);
        assertThat(limiter.blocked(two)).isPresent();
    }

    @Test
    void keysAreIndependentAndTheFirstExceededLimitIsNamed() {
        Limit source = limit("source", 2);
        Limit client = limit("client", 1);
        assertThat(limiter.acquire(List.of(source, client))).isInstanceOf(Allowed.class);
        Limit otherClient = limit("other-client", 1);
        assertThat(limiter.acquire(List.of(source, otherClient))).isInstanceOf(Allowed.class);
        assertThat(limiter.acquire(List.of(source, client))).isInstanceOfSatisfying(Limited.class,
                l -> assertThat(l.key()).isEqualTo(source.key()));
        assertThat(limiter.acquire(List.of(limit("fresh", 1), client))).isInstanceOfSatisfying(Limited.class,
                l -> assertThat(l.key()).isEqualTo(client.key()));
    }

    @Test
    void anEmptyListIsAllowed() {
        assertThat(limiter.acquire(List.of())).isInstanceOf(Allowed.class);
    }

    @Test
    void countsAreExactUnderConcurrency() {
        Limit hundred = limit("race", 100);
        AtomicInteger allowed = new AtomicInteger();
        Race.run(8, () -> {
            for (int i = 0; i < 25; i++) {
                if (limiter.acquire(List.of(hundred)) instanceof Allowed) {
                    allowed.incrementAndGet();
                }
            }
            return null;
        });
        assertThat(allowed.get()).isEqualTo(100);
    }

    @Test
    void windowsOfDifferentLengthsDoNotShareCounts() {
        Limit perMinute = new Limit(Limit.Kind.PER_CLIENT, prefix + "w", 1, MINUTE);
        Limit perHour = new Limit(Limit.Kind.PER_CLIENT, prefix + "w", 1, Duration.ofHours(1));
        assertThat(limiter.acquire(List.of(perMinute))).isInstanceOf(Allowed.class);
        assertThat(limiter.acquire(List.of(perHour))).isInstanceOf(Allowed.class);
    }

    @Test
    void acquireWithLockoutsCountsTheLimitsAndOnlyReadsTheLockouts() {
        Limit requests = limit("requests", 10);
        Limit lockout = limit("lockout", 2);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(List.of(requests), List.of(lockout))).isInstanceOf(Allowed.class);
        }
        assertThat(limiter.blocked(lockout)).isEmpty();
        limiter.acquire(List.of(lockout));
        assertThat(limiter.acquire(List.of(requests), List.of(lockout))).isInstanceOf(Allowed.class);
        limiter.acquire(List.of(lockout));
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire(List.of(requests), List.of(lockout))).isInstanceOfSatisfying(Limited.class, l -> {
            assertThat(l.key()).isEqualTo(lockout.key());
            assertThat(l.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        });
        // five requests counted so far, all of them: the sixth to the tenth pass, the eleventh does not
        for (int i = 6; i <= 10; i++) {
            assertThat(limiter.acquire(List.of(requests), List.of())).isInstanceOf(Allowed.class);
        }
        assertThat(limiter.acquire(List.of(requests), List.of(limit("fresh-lockout", 1))))
                .isInstanceOfSatisfying(Limited.class, l -> assertThat(l.key()).isEqualTo(requests.key()));
        clock.advance(MINUTE);
        assertThat(limiter.acquire(List.of(requests), List.of(lockout))).isInstanceOf(Allowed.class);
    }
}
