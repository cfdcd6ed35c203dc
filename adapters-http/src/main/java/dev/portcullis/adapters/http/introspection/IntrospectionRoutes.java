package dev.portcullis.adapters.http.introspection;

import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.bearer.BearerRefusals;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.form.FormPost;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.IntrospectToken;
import dev.portcullis.application.port.in.IntrospectToken.Caller;
import dev.portcullis.application.port.in.IntrospectToken.Introspection;
import dev.portcullis.application.port.in.IntrospectToken.IntrospectionRequest;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
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

    public IntrospectionRoutes(IntrospectToken introspectToken, IssuerResolver issuers, ScopeSet introspectionScope) {
        this(introspectToken, issuers, introspectionScope, RequestGate.open());
    }

    public IntrospectionRoutes(IntrospectToken introspectToken, IssuerResolver issuers, ScopeSet introspectionScope,
                               RequestGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.introspectToken = Objects.requireNonNull(introspectToken, "introspectToken");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.introspectionScope = Objects.requireNonNull(introspectionScope, "introspectionScope");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(Paths.INTROSPECT, (req, res) -> {
                    CacheHeaders.noStore(res);
                    res.next();
                })
                .post(Paths.INTROSPECT, this::introspect)
                .any(Paths.INTROSPECT, MethodNotAllowed.allowing(Method.POST));
    }

    private void introspect(ServerRequest req, ServerResponse res) {
        FormBody form;
        switch (FormPost.read(req)) {
            case FormPost.TooLarge tooLarge -> {
                LOG.log(Level.INFO, () -> "introspection refused: body too large: " + tooLarge.reason());
                ErrorResponse.tooLarge().send(res);
                return;
            }
            case FormPost.Malformed malformed -> {
                refuseClient(res, OAuthError.INVALID_REQUEST, malformed.reason(), false);
                return;
            }
            case FormPost.Read read -> form = read.form();
        }
        Optional<Issuer> issuer = issuers.resolve(req);
        if (issuer.isEmpty()) {
            refuseClient(res, OAuthError.INVALID_REQUEST, "no issuer: Host header missing or not a host[:port]", false);
            return;
        }
        IntrospectionRequest request;
        String source = gate.source(req);
        switch (IntrospectionRequestParser.parse(form, req.headers().all(HeaderNames.AUTHORIZATION, List::of), issuer.get())) {
            case ClientRequestParse.Failed<IntrospectionRequest> failed -> {
                if (gate.admitOrRefuse(source, Optional.empty(), res, "introspection")) {
                    refuseClient(res, failed.error(), failed.reason(), failed.challengeBasic());
                }
                return;
            }
            case ClientRequestParse.Parsed<IntrospectionRequest> parsed -> request = parsed.request();
        }
        Optional<ClientId> caller = request.caller() instanceof Caller.ClientCaller client
                ? Optional.of(client.credentials().clientId()) : Optional.empty();
        if (!gate.admitOrRefuse(source, caller, res, "introspection")) {
            return;
        }
        switch (introspectToken.introspect(request)) {
            case Introspection.ActiveAccessToken active -> Json.send(res, Status.OK_200, accessToken(active.claims()));
            case Introspection.ActiveRefreshToken active -> Json.send(res, Status.OK_200, refreshToken(active));
            case Introspection.Inactive inactive -> Json.send(res, Status.OK_200, Json.object().put("active", false));
            case Introspection.Refused refused -> {
                if (request.caller() instanceof Caller.ClientCaller client) {
                    if (refused.error() == OAuthError.INVALID_CLIENT) {
                        gate.failedClientAuthentication(source, client.credentials().clientId());
                    }
                    refuseClient(res, refused.error(), client.credentials() + ": " + refused.reason(),
                            client.credentials().method() == AuthMethod.CLIENT_SECRET_BASIC);
                } else {
                    LOG.log(Level.INFO, () -> "introspection refused: " + refused.error().code() + ": " + refused.reason());
                    BearerRefusals.refuse(res, refused.error(), introspectionScope);
                }
            }
        }
    }

    /** As at the token endpoint; a 401 for a caller who sent nothing names both ways in. */
    private static void refuseClient(ServerResponse res, OAuthError error, String reason, boolean challenge) {
        LOG.log(Level.INFO, () -> "introspection refused: " + error.code() + ": " + reason);
        ErrorResponse.toClient(error, challenge, Challenges.basic(), Challenges.bearer(Map.of())).send(res);
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
