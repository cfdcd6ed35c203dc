package dev.portcullis.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When failed logins lock out further attempts. Failures are counted per key (e.g. username and
 * source address); a streak of failures ends after {@code window} without one. From the
 * {@code maxFailures}-th failure of a streak on, every failure locks the key for a delay that
 * starts at {@code lockout} and doubles with each further failure, capped at {@code maxLockout}.
 *
 * @param maxFailures failures allowed in a streak before the first lockout (≥ 1)
 * @param window      quiet time, after a failure and any lockout it caused, that ends a streak
 * @param lockout     the first lockout
 * @param maxLockout  the longest lockout
 */
public record LoginThrottlePolicy(int maxFailures, Duration window, Duration lockout, Duration maxLockout) {

    /** 5 failures within 5 minutes; then 30 s, 60 s, 120 s, … up to 15 minutes. */
    public static final LoginThrottlePolicy DEFAULT =
            new LoginThrottlePolicy(5, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(15));

    public LoginThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(maxLockout, "maxLockout");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (!isPositive(window) || !isPositive(lockout) || !isPositive(maxLockout)) {
            throw new IllegalArgumentException("window and lockouts must be positive");
        }
        if (maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("maxLockout must not be shorter than lockout");
        }
    }

    /** The lockout the {@code failures}-th failure of a streak causes; empty below {@code maxFailures}. */
    public Optional<Duration> lockoutAfter(int failures) {
        if (failures < maxFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - maxFailures, 30);
        Duration delay = lockout;
        for (int i = 0; i < doublings && delay.compareTo(maxLockout) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxLockout) > 0 ? maxLockout : delay);
    }

    /**
     * The state of one key after a failure at {@code now}, given its state before (empty: no streak).
     */
    public Streak fail(Optional<Streak> before, Instant now) {
        int failures = before.filter(s -> !s.hasEndedAt(now, window)).map(s -> s.failures() + 1).orElse(1);
        Instant lockedUntil = lockoutAfter(failures).map(now::plus).orElse(now);
        return new Streak(failures, lockedUntil);
    }

    /** How long attempts for a key in state {@code streak} are refused at {@code now}; empty: not at all. */
    public Optional<Duration> retryAfter(Streak streak, Instant now) {
        return now.isBefore(streak.lockedUntil()) ? Optional.of(Duration.between(now, streak.lockedUntil())) : Optional.empty();
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * One key's run of failures.
     *
     * @param failures    failures in the streak so far
     * @param lockedUntil the end of the lockout the last failure caused; the last failure's time when none
     */
    public record Streak(int failures, Instant lockedUntil) {
        public Streak {
            Objects.requireNonNull(lockedUntil, "lockedUntil");
            if (failures < 1) {
                throw new IllegalArgumentException("a streak has at least one failure");
            }
        }

        /** A streak ends after {@code window} passes without a failure, counted from the end of its lockout. */
        public boolean hasEndedAt(Instant now, Duration window) {
            return !now.isBefore(lockedUntil.plus(window));
        }
    }
}
