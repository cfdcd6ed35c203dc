package dev.portcullis.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.user.LoginThrottlePolicy.Streak;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final LoginThrottlePolicy policy = LoginThrottlePolicy.DEFAULT;

    @Test
    void locksFromTheFifthFailureForADoublingDelayCappedAtTheMaximum() {
        assertThat(policy.lockoutAfter(4)).isEmpty();
        assertThat(policy.lockoutAfter(5)).contains(Duration.ofSeconds(30));
        assertThat(policy.lockoutAfter(6)).contains(Duration.ofSeconds(60));
        assertThat(policy.lockoutAfter(7)).contains(Duration.ofSeconds(120));
        assertThat(policy.lockoutAfter(10)).contains(Duration.ofMinutes(15));
        assertThat(policy.lockoutAfter(Integer.MAX_VALUE)).contains(Duration.ofMinutes(15));
    }

    @Test
    void failuresWithinTheWindowFormOneStreak() {
        Optional<Streak> streak = Optional.empty();
        Instant now = T0;
        for (int i = 0; i < 4; i++) {
            streak = Optional.of(policy.fail(streak, now));
            now = now.plus(Duration.ofMinutes(4));
        }

        assertThat(streak.get().failures()).isEqualTo(4);
        assertThat(policy.retryAfter(streak.get(), now)).isEmpty();

        Streak fifth = policy.fail(streak, now);
        assertThat(fifth.failures()).isEqualTo(5);
        assertThat(policy.retryAfter(fifth, now)).contains(Duration.ofSeconds(30));
        assertThat(policy.retryAfter(fifth, now.plusSeconds(29))).contains(Duration.ofSeconds(1));
        assertThat(policy.retryAfter(fifth, now.plusSeconds(30))).isEmpty();
    }

    @Test
    void aFailureAfterALockoutDoublesIt() {
        Streak fifth = new Streak(5, T0.plusSeconds(30));

        Streak sixth = policy.fail(Optional.of(fifth), T0.plusSeconds(31));

        assertThat(sixth.failures()).isEqualTo(6);
        assertThat(policy.retryAfter(sixth, T0.plusSeconds(31))).contains(Duration.ofSeconds(60));
    }

    @Test
    void aQuietWindowAfterTheLockoutEndsTheStreak() {
        Streak locked = new Streak(5, T0.plusSeconds(30));
        Instant streakEnds = T0.plusSeconds(30).plus(Duration.ofMinutes(5));

        assertThat(policy.fail(Optional.of(locked), streakEnds.minusMillis(1)).failures()).isEqualTo(6);
        assertThat(policy.fail(Optional.of(locked), streakEnds).failures()).isEqualTo(1);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(0, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottlePolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottlePolicy(1, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Streak(0, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
