package dev.portcullis.adapters.http.whoami;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.bearer.BearerRefusals;
import dev.portcullis.adapters.http.bearer.BearerToken;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.AuthenticateBearer.BearerResult;
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
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /whoami}: a protected resource (RFC 6750) that answers what its bearer token says.
 * <ul>
 *   <li>no Authorization header, or another scheme: 401 with a bare Bearer challenge (§3.1: no error code);</li>
 *   <li>a malformed Bearer header: 400 {@code invalid_request};</li>
 *   <li>invalid, expired or revoked token: 401 {@code invalid_token};</li>
 *   <li>token without the required scope: 403 {@code insufficient_scope} with {@code scope="…"}.</li>
 * </ul>
 */
public final class WhoamiRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(WhoamiRoutes.class.getName());

    private final AuthenticateBearer authenticateBearer;
    private final IssuerResolver issuers;
    private final ScopeSet requiredScope;

    public WhoamiRoutes(AuthenticateBearer authenticateBearer, IssuerResolver issuers, ScopeSet requiredScope) {
        this.authenticateBearer = Objects.requireNonNull(authenticateBearer, "authenticateBearer");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.requiredScope = Objects.requireNonNull(requiredScope, "requiredScope");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(Paths.WHOAMI, this::whoami)
                .any(Paths.WHOAMI, MethodNotAllowed.allowing(Method.GET));
    }

    private void whoami(ServerRequest req, ServerResponse res) {
        CacheHeaders.noStore(res);
        Optional<Issuer> issuer = issuers.resolveOrRefuse(req, res, LOG, "whoami");
        if (issuer.isEmpty()) {
            return;
        }
        switch (BearerToken.parse(req.headers().all(HeaderNames.AUTHORIZATION, List::of))) {
            case BearerToken.Missing m -> unauthenticated(res, "no Authorization header");
            case BearerToken.OtherScheme o -> unauthenticated(res, "Authorization scheme is not Bearer");
            case BearerToken.Malformed malformed -> refuse(res, OAuthError.INVALID_REQUEST, malformed.reason());
            case BearerToken.Present present -> {
                switch (authenticateBearer.authenticate(present.token(), issuer.get(), requiredScope)) {
                    case BearerResult.Authenticated ok -> Json.send(res, Status.OK_200, describe(ok.claims()));
                    case BearerResult.Refused refused -> refuse(res, refused.error(), refused.reason());
                }
            }
        }
    }

    private static void unauthenticated(ServerResponse res, String reason) {
        LOG.log(Level.DEBUG, () -> "whoami: " + reason);
        BearerRefusals.unauthenticated(res);
    }

    private void refuse(ServerResponse res, OAuthError error, String reason) {
        LOG.log(Level.INFO, () -> "whoami refused: " + error.code() + ": " + reason);
        BearerRefusals.refuse(res, error, requiredScope);
    }

    private static ObjectNode describe(AccessTokenClaims claims) {
        ObjectNode body = Json.object();
        body.put("sub", claims.subject());
        body.put("client_id", claims.clientId().value());
        body.put("scope", claims.scope().wire());
        body.put("exp", claims.expiresAt().getEpochSecond());
        body.put("iss", claims.issuer().value());
        ArrayNode aud = body.putArray("aud");
        claims.audience().forEach(aud::add);
        if (!claims.roles().isEmpty()) {
            ArrayNode roles = body.putArray("roles");
            claims.roles().forEach(roles::add);
        }
        return body;
    }
}
