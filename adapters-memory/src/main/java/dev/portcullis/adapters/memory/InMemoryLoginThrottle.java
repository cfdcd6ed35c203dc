package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.domain.user.LoginThrottlePolicy.Streak;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failure streaks per username+source, for a single node; each update is one atomic
 * {@code compute} on the pair's entry. Ended streaks are forgotten once the map grows past
 * {@value #PRUNE_ABOVE} pairs, so that a spray of usernames cannot grow it without bound for long.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

    static final int PRUNE_ABOVE = 10_000;

    private record Key(Username username, String source) {}

    private final ConcurrentMap<Key, Streak> streaks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final LoginThrottlePolicy policy;
    private final PeriodicSweep sweep = new PeriodicSweep();

    public InMemoryLoginThrottle(Clock clock, LoginThrottlePolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Optional<Duration> retryAfter(Username username, String source) {
        Streak streak = streaks.get(new Key(username, source));
        return streak == null ? Optional.empty() : policy.retryAfter(streak, clock.instant());
    }

    @Override
    public void recordFailure(Username username, String source) {
        Instant now = clock.instant();
        if (streaks.size() > PRUNE_ABOVE) {
            sweep.runIfDue(now.toEpochMilli(), () -> streaks.values().removeIf(streak -> streak.hasEndedAt(now, policy.window())));
        }
        streaks.compute(new Key(username, source), (key, before) -> policy.fail(Optional.ofNullable(before), now));
    }

    @Override
    public void recordSuccess(Username username, String source) {
        streaks.remove(new Key(username, source));
    }

    /** Pairs with a streak in memory, for tests. */
    int size() {
        return streaks.size();
    }
}
