package dev.portcullis.adapters.http.error;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most one stack trace per distinct cause per {@link #WINDOW}: a failure repeated on every request (a bug, a
 * broken dependency) logs one line per request with its correlation id, and its stack trace once a minute. A cause
 * is its chain of exception types, each with the frame that threw it, so the same bug reached twice is one cause.
 */
public final class StackTraceBudget {

    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Distinct causes remembered; beyond, the memory starts afresh (a flood of distinct causes is itself news). */
    private static final int MAX_CAUSES = 1024;

    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public StackTraceBudget() {
        this(System::nanoTime);
    }

    StackTraceBudget(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** True when this failure's stack trace should be logged now (and counts it as logged). */
    public boolean allows(Throwable failure) {
        if (lastLogged.size() > MAX_CAUSES) {
            lastLogged.clear();
        }
        long now = nanoTime.getAsLong();
        boolean[] allowed = {false};
        lastLogged.compute(signature(failure), (cause, last) -> {
            if (last == null || now - last >= WINDOW.toNanos()) {
                allowed[0] = true;
                return now;
            }
            return last;
        });
        return allowed[0];
    }

    static String signature(Throwable failure) {
        StringBuilder signature = new StringBuilder();
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            signature.append(cause.getClass().getName());
            StackTraceElement[] frames = cause.getStackTrace();
            if (frames.length > 0) {
                signature.append('@').append(frames[0]);
            }
            signature.append(';');
        }
        return signature.toString();
    }
}
