package dev.portcullis.bootstrap.observability;

import dev.portcullis.adapters.http.HttpUseCases;
import dev.portcullis.adapters.http.TokenLifecycle;
import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.bootstrap.config.ObservabilitySettings;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * A node's metrics, access log and audit trail, wired around the use cases and the routing by the bootstrap:
 * <pre>{@code
 * Observability obs = Observability.start(settings.observability());
 * IssueToken issue = obs.issueToken(service); ...
 * routing: obs.routing(rules); http.routing(rules);
 * }</pre>
 */
public final class Observability {

    public static final String METRICS_PATH = "/metrics";

    private final ObservabilitySettings settings;
    private final Metrics metrics = new Metrics();
    private final AuditTrail audit = new LoggingAuditTrail();
    private final ObservedUseCases observed;

    private Observability(ObservabilitySettings settings) {
        this.settings = settings;
        this.observed = new ObservedUseCases(metrics, audit);
    }

    public static Observability start(ObservabilitySettings settings) {
        applyLogFormat(settings.format());
        return new Observability(settings);
    }

    /**
     * Every handler of the root logger writes one JSON object per line with {@code json}, or the text line of
     * {@link TextLogFormatter} with {@code text} (much cheaper than the JDK's {@code SimpleFormatter}); and Helidon's
     * reports of clients hanging up become DEBUG lines ({@link QuietDisconnects}).
     */
    public static void applyLogFormat(ObservabilitySettings.LogFormat format) {
        QuietDisconnects.install();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(format == ObservabilitySettings.LogFormat.JSON ? new JsonLogFormatter() : new TextLogFormatter());
        }
    }

    /** Rate limits and lockouts, with every refusal counted against its endpoint and the limit exceeded. */
    public LimitRequests limitRequests(LimitRequests delegate) {
        return observed.limitRequests(delegate);
    }

    /** Timing decorators for the driven ports that a store backs. */
    public TimedPorts backends() {
        return new TimedPorts(metrics);
    }

    public AuditTrail audit() {
        return audit;
    }

    public IssueToken issueToken(IssueToken delegate) {
        return observed.issueToken(delegate);
    }

    public AuthenticateBearer authenticateBearer(AuthenticateBearer delegate) {
        return observed.authenticateBearer(delegate);
    }

    /** The HTTP use cases with token issuance and bearer authentication observed. */
    public HttpUseCases useCases(HttpUseCases plain) {
        return new HttpUseCases(issueToken(plain.issueToken()), authenticateBearer(plain.authenticateBearer()),
                plain.publishKeys(), plain.describeServer(), plain.checkReadiness(), plain.authorize());
    }

    public TokenLifecycle lifecycle(TokenLifecycle plain) {
        return new TokenLifecycle(observed.revokeToken(plain.revokeToken()), observed.introspectToken(plain.introspectToken()),
                plain.rotateSigningKey(), plain.introspectionScope(), plain.adminScope());
    }

    /** The timing (and access-log) filter, first of all, and {@code GET /metrics} when enabled. */
    public void routing(HttpRouting.Builder routing) {
        routing.addFilter(new AccessLogFilter(metrics, settings.accessLog()));
        if (settings.metrics()) {
            routing.get(METRICS_PATH, (req, res) -> {
                res.status(Status.OK_200);
                res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"));
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
                res.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
            });
        }
    }
}
