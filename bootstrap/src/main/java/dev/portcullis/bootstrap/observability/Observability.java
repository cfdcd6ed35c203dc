package dev.portcullis.bootstrap.observability;

import dev.portcullis.adapters.http.HttpUseCases;
import dev.portcullis.adapters.http.TokenLifecycle;
import dev.portcullis.adapters.http.token.TokenRefusals;
import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.bootstrap.config.ObservabilitySettings;
import dev.portcullis.adapters.http.admin.AdminGate;
import io.helidon.webserver.http.HttpRouting;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * A node's metrics, access log and audit trail, wired around the use cases and the routing by the bootstrap:
 * <pre>{@code
 * Observability obs = Observability.start(settings.observability());
 * IssueToken issue = obs.issueToken(service); ...
 * routing: obs.routing(rules, metricsGate); http.routing(rules);
 * }</pre>
 */
public final class Observability {

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

    /** Counts the token requests the HTTP edge refuses before the use case sees them, as the use case's own refusals are. */
    public TokenRefusals tokenRefusals() {
        return metrics::tokenRejected;
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

    /**
     * The public port: the timing (and access-log) filter, first of all, and, when enabled and no management port
     * serves them, {@code GET /metrics} to the bearers {@code metricsGate} admits (the metrics scope).
     */
    public void routing(HttpRouting.Builder routing, AdminGate metricsGate) {
        routing.addFilter(new AccessLogFilter(metrics, settings.accessLog()));
        if (settings.metrics() && settings.management().isEmpty()) {
            routing.register(new MetricsRoutes(metrics::scrape, Optional.of(metricsGate)));
        }
    }

    /** The management port: {@code GET /metrics} when enabled, to whoever reaches the port. */
    public void managementRouting(HttpRouting.Builder routing) {
        if (settings.metrics()) {
            routing.register(new MetricsRoutes(metrics::scrape, Optional.empty()));
        }
    }
}
