package dev.portcullis.adapters.http.limits;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What Helidon 4.5 leaves open on a connection, closed here:
 * <ul>
 *   <li><b>{@code Connection: close} is final.</b> Helidon writes it but reads on: the body a route did not read
 *       was parsed as the next request (request smuggling), and so was a request pipelined behind one that asked
 *       to close. After any answer that says {@code close}, this filter ends the connection (RFC 9112 §9.6). A body
 *       left unread on a kept-alive connection Helidon drains, up to the server-wide body limit, never parses.</li>
 *   <li><b>Slow clients.</b> Helidon times out only a connection waiting for a request line (its idle timeout); a
 *       request whose headers or body trickle in, or stop, held its connection for good. From the request line, the
 *       headers must arrive within {@link ConnectionLimits#headerTimeout()}, then the body and the answer within
 *       {@link ConnectionLimits#bodyTimeout()}, else the connection is closed.</li>
 *   <li><b>Connection count.</b> At most {@link ConnectionLimits#maxConnections()} at once.</li>
 * </ul>
 * One instance per server: {@link #configure} sets the listener up, and the instance is the routing's first
 * filter. The receive listener and the filter run on the connection's own (virtual) thread, so a thread-local
 * ties a request's deadline to its routing.
 */
public final class ConnectionGuard implements Filter {

    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

    private final ConnectionLimits limits;
    private final Set<Exchange> armed = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Exchange> current = new ThreadLocal<>();
    private volatile ScheduledExecutorService ticker;

    public ConnectionGuard(ConnectionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The listener's limits: connection cap, idle timeout, and the receive listener that arms the deadlines. */
    public void configure(WebServerConfig.Builder server) {
        server.maxTcpConnections(limits.maxConnections())
                .idleConnectionTimeout(limits.idleTimeout())
                // Helidon checks idleness this often (and refreshes its clock once a second)
                .idleConnectionPeriod(min(limits.idleTimeout(), Duration.ofSeconds(1)))
                // instead of the discovered HTTP/1.1 configuration, not beside it: with two, Helidon would sniff each
                // connection's first bytes to choose, and close on a malformed request line without a 400
                .protocolsDiscoverServices(false)
                .addProtocol(Http1Config.builder().addReceiveListener(new Deadlines()).build());
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        try {
            chain.proceed();
        } finally {
            answered(req);
        }
        if (res.isSent() && res.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            // Helidon logs this at TRACE and closes the socket: nothing after the answer is read
            throw new CloseConnectionException("answered with Connection: close");
        }
    }

    @Override
    public void afterStart(WebServer server) {
        Duration shortest = min(limits.headerTimeout(), limits.bodyTimeout());
        long period = Math.clamp(shortest.toMillis() / 4, 10, 1000);
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("portcullis-deadlines").factory());
        ticker.scheduleAtFixedRate(this::closeLate, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterStop() {
        ScheduledExecutorService running = ticker;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** After routing: a body the route left unread is drained by Helidon next, within the body timeout. */
    private void answered(ServerRequest req) {
        Exchange exchange = current.get();
        if (exchange == null) {
            return;
        }
        if (req.content().consumed()) {
            armed.remove(exchange);
        } else {
            exchange.deadline = System.nanoTime() + limits.bodyTimeout().toNanos();
            exchange.draining = req;
        }
    }

    private void closeLate() {
        long now = System.nanoTime();
        for (Exchange exchange : armed) {
            if (now - exchange.deadline < 0) {
                continue;
            }
            armed.remove(exchange);
            try {
                ServerRequest drained = exchange.draining;
                if (drained == null || !drained.content().consumed()) {
                    LOG.log(Level.DEBUG, "closing a connection whose request did not arrive in time");
                    exchange.connection.serverSocket().close();
                }
            } catch (RuntimeException e) {
                // never let one connection stop the ticker (a periodic task that throws is not run again)
                LOG.log(Level.DEBUG, () -> "closing a late connection failed: " + e);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One request on one connection, from its request line to its answer (or the draining of its unread body). */
    private static final class Exchange {
        final ConnectionContext connection;
        volatile long deadline;
        volatile ServerRequest draining;

        Exchange(ConnectionContext connection, long deadline) {
            this.connection = connection;
            this.deadline = deadline;
        }
    }

    /** Arms the header deadline at each request line, then the body deadline (or none) once the headers are in. */
    private final class Deadlines implements Http1ConnectionListener {
        @Override
        public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
            Exchange previous = current.get();
            if (previous != null) {
                armed.remove(previous);
            }
            Exchange exchange = new Exchange(ctx, System.nanoTime() + limits.headerTimeout().toNanos());
            current.set(exchange);
            armed.add(exchange);
        }

        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            Exchange exchange = current.get();
            if (exchange == null || exchange.connection != ctx) {
                return;
            }
            if (headers.contains(HeaderNames.TRANSFER_ENCODING) || headers.contains(HeaderNames.CONTENT_LENGTH)) {
                exchange.deadline = System.nanoTime() + limits.bodyTimeout().toNanos();
            } else {
                armed.remove(exchange);
            }
        }
    }
}
