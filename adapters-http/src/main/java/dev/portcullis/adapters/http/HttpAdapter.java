package dev.portcullis.adapters.http;

import dev.portcullis.adapters.http.authorize.AuthorizeRoutes;
import dev.portcullis.adapters.http.admin.AdminClientRoutes;
import dev.portcullis.adapters.http.admin.AdminGate;
import dev.portcullis.adapters.http.admin.AdminKeyRoutes;
import dev.portcullis.adapters.http.admin.AdminUseCases;
import dev.portcullis.adapters.http.admin.AdminUserRoutes;
import dev.portcullis.adapters.http.admin.RegistrationRoutes;
import dev.portcullis.adapters.http.whoami.WhoamiRoutes;
import dev.portcullis.adapters.http.discovery.DiscoveryRoutes;
import dev.portcullis.adapters.http.discovery.DiscoveryRoutes.OptionalEndpoint;
import dev.portcullis.adapters.http.discovery.JwksRoutes;
import dev.portcullis.adapters.http.health.HealthRoutes;
import dev.portcullis.adapters.http.protocol.HeadRequests;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.limits.ConnectionGuard;
import dev.portcullis.adapters.http.limits.ConnectionLimits;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.adapters.http.protocol.SecurityHeaders;
import dev.portcullis.adapters.http.error.EdgeErrorHandling;
import dev.portcullis.adapters.http.introspection.IntrospectionRoutes;
import dev.portcullis.adapters.http.revocation.RevocationRoutes;
import dev.portcullis.adapters.http.token.TokenRefusals;
import dev.portcullis.adapters.http.token.TokenRequestParser;
import dev.portcullis.adapters.http.token.TokenRoutes;
import dev.portcullis.application.port.in.LimitRequests;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

/**
 * The one entry point of the HTTP edge. The bootstrap wires it in a few lines:
 *
 * <pre>{@code
 * HttpAdapter http = new HttpAdapter(new HttpUseCases(issueToken, authenticateBearer, publishKeys, describeServer, checkReadiness),
 *                                    settings);
 * WebServer server = WebServer.builder().host(host).port(port).update(http::configure).build().start();
 * }</pre>
 *
 * To serve routes of its own as well, the bootstrap calls {@link #limits} and, inside its own
 * routing, {@link #connections} before any filter of its own, then {@link #routing}.
 */
public final class HttpAdapter {

    /**
     * Server-wide body limit: a backstop beneath the routes' own (the token endpoint allows
     * {@value TokenRoutes#MAX_BODY_BYTES} bytes), so that Helidon never reads or drains more.
     */
    public static final long MAX_PAYLOAD_BYTES = 64 * 1024;

    private final HttpUseCases useCases;
    private final HttpSettings settings;
    private final Optional<TokenLifecycle> lifecycle;
    private final Optional<AdminUseCases> admin;
    private final LimitRequests limits;
    private final TokenRefusals tokenRefusals;
    private final ConnectionGuard connections;

    public HttpAdapter(HttpUseCases useCases, HttpSettings settings) {
        this(useCases, settings, Optional.empty());
    }

    /** Also serves (and advertises) {@code /revoke}, {@code /introspect} and the admin key rotation. */
    public HttpAdapter(HttpUseCases useCases, HttpSettings settings, TokenLifecycle lifecycle) {
        this(useCases, settings, Optional.of(lifecycle));
    }

    /** Also serves the admin REST API ({@code /admin/clients}, {@code /admin/users}, {@code GET /admin/keys}). */
    public HttpAdapter(HttpUseCases useCases, HttpSettings settings, TokenLifecycle lifecycle, AdminUseCases admin) {
        this(useCases, settings, Optional.of(lifecycle), Optional.of(admin));
    }

    private HttpAdapter(HttpUseCases useCases, HttpSettings settings, Optional<TokenLifecycle> lifecycle) {
        this(useCases, settings, lifecycle, Optional.empty());
    }

    private HttpAdapter(HttpUseCases useCases, HttpSettings settings, Optional<TokenLifecycle> lifecycle,
            Optional<AdminUseCases> admin) {
        this(useCases, settings, lifecycle, admin, LimitRequests.none(), TokenRefusals.none(),
                new ConnectionGuard(ConnectionLimits.DEFAULTS));
    }

    private HttpAdapter(HttpUseCases useCases, HttpSettings settings, Optional<TokenLifecycle> lifecycle,
            Optional<AdminUseCases> admin, LimitRequests limits, TokenRefusals tokenRefusals, ConnectionGuard connections) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.tokenRefusals = Objects.requireNonNull(tokenRefusals, "tokenRefusals");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** This adapter with rate limits and lockouts on /token, /revoke, /introspect and the login POST. */
    public HttpAdapter withRequestLimits(LimitRequests limits) {
        return new HttpAdapter(useCases, settings, lifecycle, admin, limits, tokenRefusals, connections);
    }

    /** This adapter telling {@code refusals} of the token requests it refuses before the use case sees them. */
    public HttpAdapter withTokenRefusals(TokenRefusals refusals) {
        return new HttpAdapter(useCases, settings, lifecycle, admin, limits, refusals, connections);
    }

    /** This adapter with these timeouts and connection cap instead of {@link ConnectionLimits#DEFAULTS}. */
    public HttpAdapter withConnectionLimits(ConnectionLimits connectionLimits) {
        return new HttpAdapter(useCases, settings, lifecycle, admin, limits, tokenRefusals,
                new ConnectionGuard(connectionLimits));
    }

    /** Limits, JSON protocol-error answers, and this adapter's routing, on one server builder. */
    public void configure(WebServerConfig.Builder server) {
        limits(server);
        server.routing(routing -> {
            connections(routing);
            routing(routing);
        });
    }

    /**
     * The server-level part alone: body limit, timeouts, connection cap, and JSON answers for errors Helidon
     * raises before routing.
     */
    public void limits(WebServerConfig.Builder server) {
        server.maxPayloadSize(MAX_PAYLOAD_BYTES)
                .directHandlers(EdgeErrorHandling.directHandlers());
        connections.configure(server);
    }

    /**
     * The connection guard's filter: it must be the routing's first, so that it sees every answer leave
     * (after one with {@code Connection: close}, it ends the connection).
     */
    public void connections(HttpRouting.Builder routing) {
        routing.addFilter(connections);
    }

    /** Registers every route, the security-header filter and the edge-wide error handlers. */
    public void routing(HttpRouting.Builder routing) {
        IssuerResolver issuers = new IssuerResolver(settings.issuerSource(), settings.trustForwardedHeaders());
        RequestGate gate = new RequestGate(limits, settings.trustForwardedHeaders());
        routing.addFilter(new SecurityHeaders());
        routing.addFilter(new HeadRequests());
        EdgeErrorHandling.register(routing);
        routing.register(new TokenRoutes(useCases.issueToken(), issuers, gate, tokenRefusals));
        routing.register(new JwksRoutes(useCases.publishKeys()));
        if (settings.discoveryEnabled()) {
            Set<OptionalEndpoint> served = EnumSet.noneOf(OptionalEndpoint.class);
            useCases.authorize().ifPresent(a -> served.add(OptionalEndpoint.AUTHORIZATION));
            lifecycle.ifPresent(l -> served.add(OptionalEndpoint.REVOCATION_AND_INTROSPECTION));
            admin.flatMap(AdminUseCases::registration).ifPresent(r -> served.add(OptionalEndpoint.REGISTRATION));
            routing.register(new DiscoveryRoutes(useCases.describeServer(), issuers, served, TokenRequestParser.PARSED_GRANT_TYPES));
        }
        lifecycle.ifPresent(l -> {
            routing.register(new RevocationRoutes(l.revokeToken(), gate));
            routing.register(new IntrospectionRoutes(l.introspectToken(), issuers, l.introspectionScope(), gate));
            AdminGate adminGate = new AdminGate(useCases.authenticateBearer(), issuers, l.adminScope());
            admin.ifPresentOrElse(a -> {
                routing.register(new AdminKeyRoutes(l.rotateSigningKey(), a.listSigningKeys(), adminGate, a.audit()));
                routing.register(new AdminClientRoutes(a, adminGate));
                routing.register(new AdminUserRoutes(a, adminGate));
                a.registration().ifPresent(r -> routing.register(new RegistrationRoutes(r.register(), r.initialAccessToken(),
                        a.audit(), r.clock())));
            }, () -> routing.register(new AdminKeyRoutes(l.rotateSigningKey(), useCases.authenticateBearer(), issuers,
                    l.adminScope())));
        });
        routing.register(new HealthRoutes(useCases.checkReadiness()));
        useCases.authorize().ifPresent(authorize -> routing.register(new AuthorizeRoutes(authorize, issuers, gate)));
        routing.register(new WhoamiRoutes(useCases.authenticateBearer(), issuers, settings.whoamiRequiredScope()));
    }
}
