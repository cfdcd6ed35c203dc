package dev.portcullis.application.port.out.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it. Adapters that read the time themselves (e.g. a
 * revocation list) take a {@link Clock}; their contract tests hand them one of these and move it.
 * Thread-safe; always in UTC.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    private MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** A clock showing {@code start} until it is moved. */
    public static MutableClock at(Instant start) {
        return new MutableClock(start);
    }

    /** Moves the clock forward (or back, with a negative duration) and returns the new time. */
    public Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Zones do not matter to an instant-based clock: this one stays UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
