package dev.portcullis.adapters.http.bearer;

import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.adapters.http.error.OAuthErrors;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** How every route protected by a bearer token refuses a request (RFC 6750 §3). */
public final class BearerRefusals {

    private BearerRefusals() {
    }

    /** RFC 6750 §3: the request carried no usable authentication, so the challenge names no error. */
    public static void unauthenticated(ServerResponse res) {
        ErrorResponse.of(Status.UNAUTHORIZED_401, "unauthorized", "a bearer token is required")
                .challenge(Challenges.bearer(Map.of()))
                .send(res);
    }

    /**
     * RFC 6750 §3.1: invalid_request 400, insufficient_scope 403 (naming {@code requiredScope}), anything
     * else is an invalid token (401).
     */
    public static void refuse(ServerResponse res, OAuthError error, ScopeSet requiredScope) {
        OAuthError code = switch (error) {
            case INVALID_REQUEST, INSUFFICIENT_SCOPE -> error;
            default -> OAuthError.INVALID_TOKEN;
        };
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", code.code());
        params.put("error_description", OAuthErrors.publicDescription(code));
        if (code == OAuthError.INSUFFICIENT_SCOPE) {
            params.put("scope", requiredScope.wire());
        }
        Status status = switch (code) {
            case INVALID_REQUEST -> Status.BAD_REQUEST_400;
            case INSUFFICIENT_SCOPE -> Status.FORBIDDEN_403;
            default -> Status.UNAUTHORIZED_401;
        };
        ErrorResponse.of(status, code).challenge(Challenges.bearer(params)).send(res);
    }
}
