package dev.portcullis.adapters.memory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a store drop its expired entries at most once per interval (by its clock), so that a write costs O(1) amortised
 * rather than a pass over every entry. Expiry itself is always checked where an entry is read: a sweep only frees
 * memory, so how late it comes never changes an answer.
 */
final class PeriodicSweep {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final long intervalMillis;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);

    PeriodicSweep(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    PeriodicSweep() {
        this(DEFAULT_INTERVAL);
    }

    /** Runs {@code sweep} when one is due at {@code nowMillis}; of concurrent callers, one does. */
    void runIfDue(long nowMillis, Runnable sweep) {
        long due = nextAt.get();
        if (nowMillis >= due && nextAt.compareAndSet(due, nowMillis + intervalMillis)) {
            sweep.run();
        }
    }
}
