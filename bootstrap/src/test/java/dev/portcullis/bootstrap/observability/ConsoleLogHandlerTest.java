package dev.portcullis.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLogHandlerTest {

    /** Long enough that no timed flush happens during a test unless it waits for one. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ConsoleLogHandler handler;

    @AfterEach
    void close() {
        handler.close();
    }

    @Test
    void infoRecordsWaitInTheBufferUntilAFlush() {
        handler = new ConsoleLogHandler(out, NEVER);
        handler.publish(record(Level.INFO, "token issued"));

        assertThat(written()).isEmpty();
        handler.flush();
        assertThat(written()).contains("INFO test: token issued");
    }

    @Test
    void warningsAreWrittenAtOnceWithWhatCameBefore() {
        handler = new ConsoleLogHandler(out, NEVER);
        handler.publish(record(Level.INFO, "first"));
        handler.publish(record(Level.WARNING, "second"));

        assertThat(written()).containsSubsequence("INFO test: first", "WARNING test: second");
    }

    @Test
    void theFlusherWritesBufferedRecordsWithinItsInterval() throws InterruptedException {
        handler = new ConsoleLogHandler(out, Duration.ofMillis(20));
        handler.publish(record(Level.INFO, "soon"));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (written().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(written()).contains("INFO test: soon");
    }

    @Test
    void closingWritesWhatIsBufferedAndStopsTheFlusher() throws InterruptedException {
        handler = new ConsoleLogHandler(out, NEVER);
        handler.publish(record(Level.INFO, "last words"));
        handler.close();

        assertThat(written()).contains("last words");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (flusherAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(flusherAlive()).as("flusher thread still running").isFalse();
    }

    @Test
    void recordsBelowTheLevelAreLeftOut() {
        handler = new ConsoleLogHandler(out, NEVER);
        handler.setLevel(Level.WARNING);
        handler.publish(record(Level.INFO, "quiet"));
        handler.flush();

        assertThat(written()).isEmpty();
    }

    @Test
    void linesFromManyThreadsArriveWholeAndAllOfThem() throws InterruptedException {
        handler = new ConsoleLogHandler(out, Duration.ofMillis(1));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) {
                    handler.publish(record(Level.INFO, "line " + thread + "-" + i + " " + "x".repeat(100)));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        handler.flush();

        Set<String> lines = new HashSet<>();
        for (String line : written().split(System.lineSeparator())) {
            assertThat(line).matches(".* INFO test: line \\d-\\d+ x{100}");
            lines.add(line.substring(line.indexOf("line ")));
        }
        assertThat(lines).hasSize(8 * 500);
    }

    private boolean flusherAlive() {
        return handler.flusher().isAlive();
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("test");
        return record;
    }
}
