package dev.portcullis.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Request counters in fixed windows, shared by every node that shares the store: per source
 * address, per client, and failed authentications for lockouts. A window is the clock's time
 * divided by the limit's window length, so every node (and the tests' clock) agrees on it.
 * Throws {@link BackendUnavailableException} when its store cannot answer.
 */
public interface RateLimiter {

    /**
     * Counts one request against every limit, in one call (one round trip for a shared store),
     * whether or not it is then refused.
     *
     * @return {@link Limited} for the first limit the request exceeds, else {@link Allowed}
     */
    Decision acquire(List<Limit> limits);

    /** Whether {@code limit} is exhausted in the current window, without counting: for lockouts. */
    Optional<Duration> blocked(Limit limit);

    /**
     * Counts one request against every limit of {@code counted} and checks every lockout of
     * {@code checked} without counting it (as {@link #blocked}), in one call: one round trip for a
     * shared store, so that a request's limits and lockouts cost the hot path one call.
     *
     * @return {@link Limited} for the first exhausted lockout, else the first counted limit exceeded, else {@link Allowed}
     */
    default Decision acquire(List<Limit> counted, List<Limit> checked) {
        for (Limit lockout : checked) {
            Optional<Duration> blocked = blocked(lockout);
            if (blocked.isPresent()) {
                acquire(counted);
                return new Limited(lockout, blocked.get());
            }
        }
        return acquire(counted);
    }

    /**
     * At most {@code max} requests for {@code key} per {@code window}. The store counts by {@code key} only; the
     * {@code kind} comes back on {@link Limited} so that the caller never decodes the key.
     */
    record Limit(Kind kind, String key, int max, Duration window) {

        /** What a limit counts: requests per source address, per client, or failed authentications (a lockout). */
        public enum Kind { PER_ADDRESS, PER_CLIENT, LOCKOUT }

        public Limit {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(window, "window");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a limit needs a key");
            }
            if (max < 1) {
                throw new IllegalArgumentException("a limit allows at least one request");
            }
            if (window.toMillis() < 1) {
                throw new IllegalArgumentException("a window lasts at least a millisecond");
            }
        }

        /** The window that {@code epochMillis} falls in. */
        public long windowAt(long epochMillis) {
            return Math.floorDiv(epochMillis, window.toMillis());
        }

        /** How long from {@code epochMillis} until its window ends (at least 1 ms). */
        public Duration untilWindowEnds(long epochMillis) {
            long end = (windowAt(epochMillis) + 1) * window.toMillis();
            return Duration.ofMillis(Math.max(1, end - epochMillis));
        }
    }

    sealed interface Decision permits Allowed, Limited {
    }

    record Allowed() implements Decision {
    }

    /** @param limit the limit exceeded; @param retryAfter until its window ends */
    record Limited(Limit limit, Duration retryAfter) implements Decision {
        public Limited {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** The exceeded limit's key. */
        public String key() {
            return limit.key();
        }
    }
}
