package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.out.BackendUnavailableException;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times one operation of a backend port: {@code ok} when it answers, {@code error} when it throws
 * {@link BackendUnavailableException} (rethrown as it is). Any other exception is a bug, not a backend's latency:
 * it passes through untimed.
 */
record BackendCall(Timer ok, Timer error) {

    <T> T time(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            ok.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (BackendUnavailableException e) {
            error.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    void run(Runnable call) {
        time(() -> {
            call.run();
            return null;
        });
    }
}
