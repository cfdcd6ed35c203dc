package dev.portcullis.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.contract.Race;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicSweepTest {

    private final PeriodicSweep sweep = new PeriodicSweep(Duration.ofSeconds(1));
    private final AtomicInteger sweeps = new AtomicInteger();

    @Test
    void sweepsFirstThenAtMostOncePerInterval() {
        sweep.runIfDue(10_000, sweeps::incrementAndGet);
        sweep.runIfDue(10_500, sweeps::incrementAndGet);
        sweep.runIfDue(10_999, sweeps::incrementAndGet);
        assertThat(sweeps).hasValue(1);

        sweep.runIfDue(11_000, sweeps::incrementAndGet);
        assertThat(sweeps).hasValue(2);
    }

    @Test
    void ofConcurrentCallersOneSweeps() {
        Race.run(16, () -> {
            sweep.runIfDue(10_000, sweeps::incrementAndGet);
            return null;
        });

        assertThat(sweeps).hasValue(1);
    }
}
