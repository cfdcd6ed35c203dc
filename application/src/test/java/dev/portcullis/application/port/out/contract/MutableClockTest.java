package dev.portcullis.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void standsStillUntilMoved() {
        MutableClock clock = MutableClock.at(Times.T0);

        assertThat(clock.instant()).isEqualTo(Times.T0);
        assertThat(clock.advance(Duration.ofSeconds(5))).isEqualTo(Times.T0.plusSeconds(5));
        assertThat(clock.instant()).isEqualTo(Times.T0.plusSeconds(5));
        clock.set(Times.T0);
        assertThat(clock.millis()).isEqualTo(Times.T0.toEpochMilli());
    }

    @Test
    void staysUtcAndSharesItsTimeAcrossZones() {
        MutableClock clock = MutableClock.at(Times.T0);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofMinutes(1));

        assertThat(paris.instant()).isEqualTo(Times.T0.plusSeconds(60));
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }
}
