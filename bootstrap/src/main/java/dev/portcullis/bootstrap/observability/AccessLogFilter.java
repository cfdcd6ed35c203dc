package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.in.LimitRequests;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Times every routed request into its endpoint's histogram, counts a 429 of the request gate against its endpoint
 * and the limit that refused it, and, when on, writes one access-log record: method,
 * path (never the query string, where /authorize carries its parameters), status, duration and the client when a
 * use case learned it. Never a header, so never an Authorization header, a token or a secret.
 */
final class AccessLogFilter implements Filter {

    static final String LOGGER = "portcullis.access";
    private static final Logger LOG = System.getLogger(LOGGER);
    private static final int MAX_PATH = 256;

    private final Metrics metrics;
    private final boolean accessLog;

    AccessLogFilter(Metrics metrics, boolean accessLog) {
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - start;
            String path = req.path().rawPath();
            int status = res.status().code();
            metrics.request(path, status, nanos);
            LimitRequests.Exceeded refusedBy = RequestAttribution.takeRateLimited();
            if (refusedBy != null) {
                metrics.rateLimited(path, refusedBy);
            }
            String client = RequestAttribution.takeClientId();
            if (accessLog && LOG.isLoggable(Level.INFO)) {
                LOG.log(Level.INFO, "access {0}", LogFields.of(
                        "method", req.prologue().method().text(),
                        "path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path,
                        "status", status,
                        "duration_ms", Math.round(nanos / 10_000.0) / 100.0,
                        "client_id", client));
            }
        }
    }
}
