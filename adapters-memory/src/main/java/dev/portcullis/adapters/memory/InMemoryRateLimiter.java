package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed-window counters for a single node: one atomic {@code compute} per limit. Counters of ended
 * windows are dropped once the map holds more than {@value #PRUNE_ABOVE}, so that a spray of
 * addresses or client ids cannot grow it without bound for long.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    static final int PRUNE_ABOVE = 100_000;

    private record Key(String key, long windowMillis) {}

    private record Count(long window, int count) {}

    private final ConcurrentMap<Key, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final PeriodicSweep sweep = new PeriodicSweep();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Decision acquire(List<Limit> limits) {
        long now = clock.millis();
        if (counts.size() > PRUNE_ABOVE) {
            sweep.runIfDue(now, () ->
                    counts.entrySet().removeIf(e -> e.getValue().window() < Math.floorDiv(now, e.getKey().windowMillis())));
        }
        Decision decision = new Allowed();
        for (Limit limit : limits) {
            long window = limit.windowAt(now);
            Count count = counts.compute(new Key(limit.key(), limit.window().toMillis()),
                    (k, before) -> before == null || before.window() != window ? new Count(window, 1)
                            : new Count(window, before.count() == Integer.MAX_VALUE ? before.count() : before.count() + 1));
            if (count.count() > limit.max() && decision instanceof Allowed) {
                decision = new Limited(limit, limit.untilWindowEnds(now));
            }
        }
        return decision;
    }

    @Override
    public Optional<Duration> blocked(Limit limit) {
        long now = clock.millis();
        Count count = counts.get(new Key(limit.key(), limit.window().toMillis()));
        return count != null && count.window() == limit.windowAt(now) && count.count() >= limit.max()
                ? Optional.of(limit.untilWindowEnds(now)) : Optional.empty();
    }

    int size() {
        return counts.size();
    }
}
