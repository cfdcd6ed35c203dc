package dev.portcullis.application.port.out.contract;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginThrottle} does: it applies {@link LoginThrottlePolicy} to the failures of
 * each username+source pair, as told by its clock. Extend it and return a new, empty throttle in
 * {@link #newThrottle}; the tests move the clock.
 */
public abstract class LoginThrottleContract {

    /** 3 failures, a 1-minute window, lockouts of 10 s doubling up to 40 s. */
    protected static final LoginThrottlePolicy POLICY =
            new LoginThrottlePolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(40));
    private static final Username ALICE = new Username("alice");
    private static final String HOME = "192.0.2.1";

    /** A throttle with no failures recorded, reading the time from {@code clock} only. */
    protected abstract LoginThrottle newThrottle(Clock clock, LoginThrottlePolicy policy);

    private MutableClock clock;
    private LoginThrottle throttle;

    @BeforeEach
    void createThrottle() {
        clock = MutableClock.at(T0);
        throttle = newThrottle(clock, POLICY);
    }

    /** The clock the throttle under test reads. */
    protected final MutableClock clock() {
        return clock;
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(ALICE, HOME);
        }
    }

    @Test
    void aPairWithoutFailuresMayTry() {
        assertThat(throttle.retryAfter(ALICE, HOME)).isEmpty();
    }

    @Test
    void failuresBelowTheLimitLockNothing() {
        fail(2);

        assertThat(throttle.retryAfter(ALICE, HOME)).isEmpty();
    }

    @Test
    void theLimitLocksThePairForTheFirstLockoutAndNoLonger() {
        fail(3);

        assertThat(throttle.retryAfter(ALICE, HOME)).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));
        assertThat(throttle.retryAfter(ALICE, HOME)).contains(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(throttle.retryAfter(ALICE, HOME)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockoutUpToTheMaximum() {
        fail(3);
        clock.advance(Duration.ofSeconds(10));

        fail(1);
        assertThat(throttle.retryAfter(ALICE, HOME)).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        fail(1);
        assertThat(throttle.retryAfter(ALICE, HOME)).contains(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(40));
        fail(1);
        assertThat(throttle.retryAfter(ALICE, HOME)).contains(Duration.ofSeconds(40));
    }

    @Test
    void otherUsernamesAndOtherSourcesAreNotLocked() {
        fail(3);

        assertThat(throttle.retryAfter(new Username("bob"), HOME)).isEmpty();
        assertThat(throttle.retryAfter(ALICE, "198.51.100.7")).isEmpty();
    }

    @Test
    void aSuccessEndsTheStreak() {
        fail(2);
        throttle.recordSuccess(ALICE, HOME);
        fail(2);

        assertThat(throttle.retryAfter(ALICE, HOME)).isEmpty();
    }

    @Test
    void aQuietWindowEndsTheStreak() {
        fail(2);
        clock.advance(Duration.ofMinutes(1));
        fail(2);

        assertThat(throttle.retryAfter(ALICE, HOME)).isEmpty();
        fail(1);
        assertThat(throttle.retryAfter(ALICE, HOME)).contains(Duration.ofSeconds(10));
    }

    @Test
    void concurrentFailuresAreAllCounted() {
        // every failure doubles the lockout: one lost update would halve it
        LoginThrottle doubling = newThrottle(clock, new LoginThrottlePolicy(1, Duration.ofMinutes(1),
                Duration.ofSeconds(1), Duration.ofDays(365)));

        Race.run(16, () -> {
            doubling.recordFailure(ALICE, HOME);
            return null;
        });

        assertThat(doubling.retryAfter(ALICE, HOME)).contains(Duration.ofSeconds(1L << 15));
    }
}
