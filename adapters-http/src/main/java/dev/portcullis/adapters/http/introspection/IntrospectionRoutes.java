package dev.portcullis.adapters.http.introspection;

import dev.portcullis.adapters.http.clientauth.ClientEndpoint;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.bearer.BearerRefusals;
import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.application.port.in.IntrospectToken;
import dev.portcullis.application.port.in.IntrospectToken.Caller;
import dev.portcullis.application.port.in.IntrospectToken.Introspection;
import dev.portcullis.application.port.in.IntrospectToken.IntrospectionRequest;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The introspection endpoint (RFC 7662): {@code POST /introspect} with a form body.
 * <ul>
 *   <li>an active access token: {@code active, scope, client_id, sub, exp, iat, iss, aud} (always an array,
 *       as at {@code /whoami}), {@code token_type: "Bearer"} (its access token type, RFC 6749 §7.1, as the
 *       token response named it), {@code jti}, and {@code roles} when it has any;</li>
 *   <li>an active refresh token, to its own client only: {@code active, token_type: "refresh_token",
 *       client_id, sub, scope, exp, iat, iss};</li>
 *   <li>anything else: exactly {@code {"active":false}}.</li>
 * </ul>
 * Caller refused: 401 {@code invalid_client} (Basic and Bearer challenges when no credentials came at all),
 * or, for a bearer caller, 401 {@code invalid_token} / 403 {@code insufficient_scope} (RFC 6750).
 * Every answer carries {@code Cache-Control: no-store}.
 */
public final class IntrospectionRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(IntrospectionRoutes.class.getName());

    private final IntrospectToken introspectToken;
    private final IssuerResolver issuers;
    private final ScopeSet introspectionScope;
    private final RequestGate gate;
    private final ClientEndpoint endpoint;

    public IntrospectionRoutes(IntrospectToken introspectToken, IssuerResolver issuers, ScopeSet introspectionScope) {
        this(introspectToken, issuers, introspectionScope, RequestGate.open());
    }

    public IntrospectionRoutes(IntrospectToken introspectToken, IssuerResolver issuers, ScopeSet introspectionScope,
                               RequestGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.introspectToken = Objects.requireNonNull(introspectToken, "introspectToken");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.introspectionScope = Objects.requireNonNull(introspectionScope, "introspectionScope");
        // a 401 for a caller who sent nothing names both ways in
        this.endpoint = new ClientEndpoint(LOG, "introspection", gate, error -> { },
                List.of(Challenges.basic(), Challenges.bearer(Map.of())));
    }

    @Override
    public void routing(HttpRules rules) {
        ClientEndpoint.route(rules, Paths.INTROSPECT, this::introspect);
    }

    private void introspect(ServerRequest req, ServerResponse res) {
        Optional<ClientEndpoint.IssuedForm> sent = endpoint.formAndIssuer(issuers, req, res);
        if (sent.isEmpty()) {
            return;
        }
        String source = gate.source(req);
        Optional<IntrospectionRequest> admitted = endpoint.admit(
                IntrospectionRequestParser.parse(sent.get().form(), req.headers().all(HeaderNames.AUTHORIZATION, List::of),
                        sent.get().issuer()),
                source, request -> request.caller() instanceof Caller.ClientCaller client
                        ? Optional.of(client.credentials().clientId()) : Optional.empty(), res);
        if (admitted.isEmpty()) {
            return;
        }
        IntrospectionRequest request = admitted.get();
        switch (introspectToken.introspect(request)) {
            case Introspection.ActiveAccessToken active -> Json.send(res, Status.OK_200, accessToken(active.claims()));
            case Introspection.ActiveRefreshToken active -> Json.send(res, Status.OK_200, refreshToken(active));
            case Introspection.Inactive inactive -> Json.send(res, Status.OK_200, Json.object().put("active", false));
            case Introspection.Refused refused -> {
                if (request.caller() instanceof Caller.ClientCaller client) {
                    endpoint.rejected(res, source, client.credentials(), refused.error(), refused.reason());
                } else {
                    LOG.log(Level.INFO, () -> "introspection refused: " + refused.error().code() + ": " + refused.reason());
                    BearerRefusals.refuse(res, refused.error(), introspectionScope);
                }
            }
        }
    }

    private static ObjectNode accessToken(AccessTokenClaims claims) {
        ObjectNode body = Json.object();
        body.put("active", true);
        if (!claims.scope().isEmpty()) {
            body.put("scope", claims.scope().wire());
        }
        body.put("client_id", claims.clientId().value());
        body.put("sub", claims.subject());
        body.put("exp", claims.expiresAt().getEpochSecond());
        body.put("iat", claims.issuedAt().getEpochSecond());
        body.put("iss", claims.issuer().value());
        ArrayNode aud = body.putArray("aud");
        claims.audience().forEach(aud::add);
        body.put("token_type", "Bearer");
        body.put("jti", claims.jwtId().value());
        if (!claims.roles().isEmpty()) {
            ArrayNode roles = body.putArray("roles");
            claims.roles().forEach(roles::add);
        }
        return body;
    }

    private static ObjectNode refreshToken(Introspection.ActiveRefreshToken token) {
        ObjectNode body = Json.object();
        body.put("active", true);
        body.put("token_type", "refresh_token");
        if (!token.scope().isEmpty()) {
            body.put("scope", token.scope().wire());
        }
        body.put("client_id", token.clientId().value());
        body.put("sub", token.subject());
        body.put("exp", token.expiresAt().getEpochSecond());
        body.put("iat", token.issuedAt().getEpochSecond());
        body.put("iss", token.issuer().value());
        return body;
    }
}
