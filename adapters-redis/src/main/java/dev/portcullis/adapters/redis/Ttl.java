package dev.portcullis.adapters.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Redis expiries from domain expiries. The remaining lifetime is measured on the application's
 * {@link Clock} and handed to Redis as a relative TTL (PX), rounded up, at least 1 ms: with the
 * system clock that is PXAT at the item's expiry, and it stays right when the application's clock
 * and Redis' clock disagree (skewed hosts, or tests on a fixed clock). Whether an item has expired
 * is still decided exactly, against the caller's {@code now}; the TTL only lets Redis forget it.
 */
final class Ttl {

    private Ttl() {}

    static long millisUntil(Instant expiry, Clock clock) {
        Duration left = Duration.between(clock.instant(), expiry);
        if (left.isNegative() || left.isZero()) {
            return 1;
        }
        long millis = left.toMillis();
        return left.minusMillis(millis).isZero() ? millis : millis + 1;
    }
}
