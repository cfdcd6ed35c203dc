package dev.portcullis.application.service;

import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;

/**
 * Bearer authentication for this server's own protected resources: a valid signature is not
 * enough; the token must come from this issuer, be meant for this server, be unrevoked and
 * carry the scopes the resource needs (RFC 9068 §4, RFC 6750 §3.1).
 */
public final class AuthenticateBearerService implements AuthenticateBearer {

    private final TokenVerifier verifier;
    private final RevocationList revocations;
    private final TokenSettings settings;

    public AuthenticateBearerService(TokenVerifier verifier, RevocationList revocations, TokenSettings settings) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.settings = settings;
    }

    @Override
    public BearerResult authenticate(String bearerToken, Issuer issuer, ScopeSet required) {
        AccessTokenClaims claims;
        switch (verifier.verify(bearerToken)) {
            case Verification.Invalid invalid -> {
                return invalidToken(invalid.reason());
            }
            case Verification.Valid valid -> claims = valid.claims();
        }
        if (!claims.issuer().equals(issuer)) {
            return invalidToken("issued by " + claims.issuer() + ", not " + issuer);
        }
        String ownAudience = settings.defaultAudience().orElse(issuer.value());
        if (!claims.audience().contains(ownAudience)) {
            return invalidToken("audience " + claims.audience() + " does not include " + ownAudience);
        }
        if (revocations.isRevoked(claims.jwtId())) {
            return invalidToken("token " + claims.jwtId() + " is revoked");
        }
        if (!claims.scope().containsAll(required)) {
            return new BearerResult.Refused(OAuthError.INSUFFICIENT_SCOPE,
                    "token has " + claims.scope() + ", resource needs " + required);
        }
        return new BearerResult.Authenticated(claims);
    }

    private static BearerResult invalidToken(String reason) {
        return new BearerResult.Refused(OAuthError.INVALID_TOKEN, reason);
    }
}
