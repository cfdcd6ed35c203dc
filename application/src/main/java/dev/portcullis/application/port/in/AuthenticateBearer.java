package dev.portcullis.application.port.in;

import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;

/** Protected resources' use case (RFC 6750): is this bearer token good for this request? */
public interface AuthenticateBearer {

    /**
     * @param issuer   the issuer the token must come from
     * @param required scopes the resource needs; the token must carry all of them
     */
    BearerResult authenticate(String bearerToken, Issuer issuer, ScopeSet required);

    sealed interface BearerResult {
        record Authenticated(AccessTokenClaims claims) implements BearerResult {}

        /** @param error {@code invalid_token} or {@code insufficient_scope}; {@code reason} is for the log */
        record Refused(OAuthError error, String reason) implements BearerResult {}
    }
}
