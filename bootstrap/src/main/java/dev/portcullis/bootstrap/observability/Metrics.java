package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.in.ClientAuthenticationFailure;
import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.application.port.in.RevokeToken;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every meter of a node, registered up front where the label values are a closed set (endpoints, errors,
 * reasons, outcomes) so that the hot path is an array or enum-map lookup; tokens issued are labelled with the
 * client id too, cached per (grant, client) — bounded by the registered clients, since only an authenticated
 * client gets a token.
 */
public final class Metrics {

    /** The paths with their own latency histogram; every other path is {@code other}. */
    static final List<String> ENDPOINTS = List.of("/token", "/authorize", "/jwks", "/.well-known/oauth-authorization-server",
            "/revoke", "/introspect", "/register", "/whoami", "/health/live", "/health/ready", "/metrics", "/openapi",
            "/admin/keys", "/admin/keys/rotate", "/admin/clients", "/admin/clients/{id}", "/admin/clients/{id}/secret",
            "/admin/users", "/admin/users/{username}");
    static final String OTHER = "other";
    /** The paths behind the request gate (the login POST is {@code POST /authorize}); every other path is {@code other}. */
    static final List<String> GATED_ENDPOINTS = List.of("/token", "/authorize", "/revoke", "/introspect", OTHER);
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    /**
     * Why a client failed to authenticate: the use case's {@link ClientAuthenticationFailure}, or {@code other} for an
     * {@code invalid_client} rejection that carries none. Read from the enum, never from the log reason.
     */
    enum AuthFailure {
        UNKNOWN_CLIENT, WRONG_SECRET, AUTH_METHOD_NOT_ALLOWED, OTHER;

        static AuthFailure of(Optional<ClientAuthenticationFailure> failure) {
            return failure.map(AuthFailure::of).orElse(OTHER);
        }

        static AuthFailure of(ClientAuthenticationFailure failure) {
            return switch (failure) {
                case UNKNOWN_CLIENT -> UNKNOWN_CLIENT;
                case WRONG_SECRET -> WRONG_SECRET;
                case AUTH_METHOD_NOT_ALLOWED -> AUTH_METHOD_NOT_ALLOWED;
            };
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which use case met a backend outage (the admin API's outages are answered 503 and not counted here). */
    enum Operation { TOKEN, REVOKE, INTROSPECT, BEARER }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer[]> requestTimers = new HashMap<>();
    private final Map<OAuthError, Counter> tokenRejections = new EnumMap<>(OAuthError.class);
    private final Map<AuthFailure, Counter> authFailures = new EnumMap<>(AuthFailure.class);
    private final Map<OAuthError, Counter> bearerRefusals = new EnumMap<>(OAuthError.class);
    private final Map<RevokeToken.Outcome, Counter> revocations = new EnumMap<>(RevokeToken.Outcome.class);
    private final Map<Operation, Counter> backendErrors = new EnumMap<>(Operation.class);
    private final Map<String, Map<LimitRequests.Exceeded, Counter>> rateLimitRejections = new HashMap<>();
    private final Map<IssuedKey, Counter> issued = new ConcurrentHashMap<>();

    private record IssuedKey(GrantType grant, ClientId client) {
    }

    public Metrics() {
        for (String endpoint : ENDPOINTS) {
            requestTimers.put(endpoint, timers(endpoint));
        }
        requestTimers.put(OTHER, timers(OTHER));
        for (OAuthError error : OAuthError.values()) {
            tokenRejections.put(error, Counter.builder("portcullis.token.rejections").description("token requests refused")
                    .tag("error", error.code()).register(registry));
            bearerRefusals.put(error, Counter.builder("portcullis.bearer.refusals")
                    .description("bearer tokens refused at protected routes").tag("error", error.code()).register(registry));
        }
        for (AuthFailure reason : AuthFailure.values()) {
            authFailures.put(reason, Counter.builder("portcullis.client.authentication.failures")
                    .description("client authentication failures").tag("reason", reason.label()).register(registry));
        }
        for (RevokeToken.Outcome outcome : RevokeToken.Outcome.values()) {
            revocations.put(outcome, Counter.builder("portcullis.revocations").description("revocation requests answered")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        for (Operation op : Operation.values()) {
            backendErrors.put(op, Counter.builder("portcullis.backend.errors")
                    .description("storage or cache unavailable while serving").tag("operation", op.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        for (String endpoint : GATED_ENDPOINTS) {
            Map<LimitRequests.Exceeded, Counter> counters = new EnumMap<>(LimitRequests.Exceeded.class);
            for (LimitRequests.Exceeded exceeded : LimitRequests.Exceeded.values()) {
                counters.put(exceeded, Counter.builder("portcullis.rate.limit.rejections")
                        .description("requests refused with 429 by a request limit or a lockout").tag("endpoint", endpoint)
                        .tag("limit", exceeded.name().toLowerCase(Locale.ROOT)).register(registry));
            }
            rateLimitRejections.put(endpoint, counters);
        }
    }

    private Timer[] timers(String endpoint) {
        Timer[] timers = new Timer[STATUS_CLASSES.length];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = Timer.builder("portcullis.http.server.requests").description("HTTP request latency per endpoint")
                    .tag("endpoint", endpoint).tag("status", STATUS_CLASSES[i])
                    .serviceLevelObjectives(BUCKETS).register(registry);
        }
        return timers;
    }

    /** The endpoint label of a request path: a fixed set, never the raw path. */
    static String endpoint(String path) {
        if (path.startsWith("/admin/clients/")) {
            return path.endsWith("/secret") ? "/admin/clients/{id}/secret" : "/admin/clients/{id}";
        }
        if (path.startsWith("/admin/users/")) {
            return "/admin/users/{username}";
        }
        return path;
    }

    void request(String path, int status, long nanos) {
        Timer[] timers = requestTimers.get(endpoint(path));
        if (timers == null) {
            timers = requestTimers.get(OTHER);
        }
        int index = Math.min(Math.max(status / 100 - 1, 0), STATUS_CLASSES.length - 1);
        timers[index].record(nanos, TimeUnit.NANOSECONDS);
    }

    void tokenIssued(GrantType grant, ClientId client) {
        issued.computeIfAbsent(new IssuedKey(grant, client), k -> Counter.builder("portcullis.tokens.issued")
                .description("access tokens issued").tag("grant", k.grant().wire()).tag("client_id", k.client().value())
                .register(registry)).increment();
    }

    void tokenRejected(OAuthError error) {
        tokenRejections.get(error).increment();
    }

    void authenticationFailed(AuthFailure reason) {
        authFailures.get(reason).increment();
    }

    void bearerRefused(OAuthError error) {
        bearerRefusals.get(error).increment();
    }

    void revoked(RevokeToken.Outcome outcome) {
        revocations.get(outcome).increment();
    }

    void backendError(Operation operation) {
        backendErrors.get(operation).increment();
    }

    void rateLimited(String path, LimitRequests.Exceeded exceeded) {
        Map<LimitRequests.Exceeded, Counter> counters = rateLimitRejections.get(endpoint(path));
        if (counters == null) {
            counters = rateLimitRejections.get(OTHER);
        }
        counters.get(exceeded).increment();
    }

    /**
     * The timers of one operation of a backend port, by outcome: registered when the bootstrap wraps the port
     * (at wiring, never on the hot path), so only the ports that talk to a store have them.
     */
    BackendCall backendCall(String backend, String operation) {
        return new BackendCall(backendTimer(backend, operation, "ok"), backendTimer(backend, operation, "error"));
    }

    private Timer backendTimer(String backend, String operation, String outcome) {
        return Timer.builder("portcullis.backend.latency").description("calls to a storage or cache port, by outcome")
                .tag("backend", backend).tag("operation", operation).tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }
}
