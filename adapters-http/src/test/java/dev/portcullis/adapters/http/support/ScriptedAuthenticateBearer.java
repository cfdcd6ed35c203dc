package dev.portcullis.adapters.http.support;

import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link AuthenticateBearer} that knows a few tokens by name and applies the scope rule:
 * {@value #READER} (scope {@code read}), {@value #ADMIN} (scope {@code read write}, role
 * {@code admin}), {@value #DOWN} (the store is down). Anything else is {@code invalid_token}.
 * Records the issuer each call was made with.
 */
public final class ScriptedAuthenticateBearer implements AuthenticateBearer {

    public static final String READER = "reader-token";
    public static final String ADMIN = "admin-token.x_y~z+/==";
    public static final String DOWN = "store-down-token";

    private final List<Issuer> issuers = new CopyOnWriteArrayList<>();

    @Override
    public BearerResult authenticate(String bearerToken, Issuer issuer, ScopeSet required) {
        issuers.add(issuer);
        if (bearerToken.equals(DOWN)) {
            throw new dev.portcullis.application.port.out.BackendUnavailableException("revocation list", null);
        }
        Map<String, AccessTokenClaims> known = Map.of(
                READER, Tokens.claims(issuer, "service-a", ScopeSet.of("read"), List.of()),
                ADMIN, Tokens.claims(issuer, "console", ScopeSet.of("read", "write"), List.of("admin")));
        AccessTokenClaims claims = known.get(bearerToken);
        if (claims == null) {
            return new BearerResult.Refused(OAuthError.INVALID_TOKEN, "signature does not verify");
        }
        if (!claims.scope().containsAll(required)) {
            return new BearerResult.Refused(OAuthError.INSUFFICIENT_SCOPE, "needs " + required);
        }
        return new BearerResult.Authenticated(claims);
    }

    public List<Issuer> issuers() {
        return List.copyOf(issuers);
    }

    public void reset() {
        issuers.clear();
    }
}
