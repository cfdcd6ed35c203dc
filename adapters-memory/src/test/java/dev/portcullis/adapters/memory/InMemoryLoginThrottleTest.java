package dev.portcullis.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.contract.LoginThrottleContract;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryLoginThrottleTest extends LoginThrottleContract {

    private InMemoryLoginThrottle throttle;

    @Override
    protected LoginThrottle newThrottle(Clock clock, LoginThrottlePolicy policy) {
        throttle = new InMemoryLoginThrottle(clock, policy);
        return throttle;
    }

    @Test
    void endedStreaksAreForgottenOnceTheMapIsLarge() {
        for (int i = 0; i <= InMemoryLoginThrottle.PRUNE_ABOVE; i++) {
            throttle.recordFailure(new Username("user-" + i), "192.0.2.1");
        }
        clock().advance(Duration.ofMinutes(1));

        throttle.recordFailure(new Username("late"), "192.0.2.1");

        assertThat(throttle.size()).isEqualTo(1);
    }
}
