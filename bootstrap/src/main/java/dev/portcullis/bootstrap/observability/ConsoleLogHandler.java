package dev.portcullis.bootstrap.observability;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A node's log on standard output (the root handler of {@code logging.properties}), written in batches: a record is
 * formatted on the caller's thread, outside any lock, and buffered; the buffer goes out when it fills, at least every
 * {@link #FLUSH_INTERVAL}, at once for WARNING and above, and on close (the JVM's orderly shutdown closes every
 * handler). The token endpoint writes one audit record per token, and a {@code write} system call for each cost more
 * CPU than anything else on that path but the signature and the response itself. The price: a node killed without
 * an orderly shutdown ({@code kill -9}, a crash) loses at most the last {@link #FLUSH_INTERVAL} of INFO records.
 */
public final class ConsoleLogHandler extends Handler {

    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final OutputStream out;
    private final Thread flusher;
    private volatile boolean closed;

    /** What {@code logging.properties} instantiates: standard output, the text format, every level. */
    public ConsoleLogHandler() {
        this(new FileOutputStream(FileDescriptor.out), FLUSH_INTERVAL);
    }

    ConsoleLogHandler(OutputStream destination, Duration flushInterval) {
        this.out = new BufferedOutputStream(destination, BUFFER_BYTES);
        setFormatter(new TextLogFormatter());
        setLevel(Level.ALL);
        long intervalNanos = flushInterval.toNanos();
        this.flusher = Thread.ofPlatform().daemon().name("portcullis-log-flush").start(() -> {
            while (!closed) {
                LockSupport.parkNanos(intervalNanos);
                flush();
            }
        });
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        synchronized (this) {
            try {
                out.write(line);
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    out.flush();
                }
            } catch (IOException e) {
                reportError("cannot write a log record", e, ErrorManager.WRITE_FAILURE);
            }
        }
    }

    @Override
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            reportError("cannot flush the log", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    Thread flusher() {
        return flusher;
    }

    /** Flushes what is buffered; standard output itself stays open for whoever else writes to it. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(flusher);
        flush();
    }
}
