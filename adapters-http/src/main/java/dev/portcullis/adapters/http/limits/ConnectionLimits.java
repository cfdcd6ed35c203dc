package dev.portcullis.adapters.http.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take, and how many connections it may hold.
 *
 * @param idleTimeout   a connection without a request in progress (before its first request line, or between
 *                      requests, or while a request line trickles in) is closed after this long
 * @param headerTimeout from the end of a request line, how long its headers may take to arrive
 * @param bodyTimeout   from the end of the headers, how long a request's body may take to arrive and be answered;
 *                      also bounds the draining of a body the route did not read
 * @param maxConnections open connections at most; further clients wait in the listen backlog until one closes
 */
public record ConnectionLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections) {

    /** The defaults of the configuration keys {@code server.idle-timeout} and the others. */
    public static final ConnectionLimits DEFAULTS =
            new ConnectionLimits(Duration.ofSeconds(75), Duration.ofSeconds(10), Duration.ofSeconds(30), 10_000);

    public ConnectionLimits {
        positive(Objects.requireNonNull(idleTimeout, "idleTimeout"), "idleTimeout");
        positive(Objects.requireNonNull(headerTimeout, "headerTimeout"), "headerTimeout");
        positive(Objects.requireNonNull(bodyTimeout, "bodyTimeout"), "bodyTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    private static void positive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
