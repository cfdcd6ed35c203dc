package dev.portcullis.adapters.http.support;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.SignedAccessToken;
import dev.portcullis.domain.token.TokenId;
import java.time.Instant;
import java.util.List;

/** Access tokens for fakes: real claims, a syntactically valid compact string, fixed time. */
public final class Tokens {

    public static final Instant ISSUED_AT = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant EXPIRES_AT = ISSUED_AT.plusSeconds(900);
    public static final String COMPACT = "aaa.bbb.ccc";

    private Tokens() {
    }

    public static AccessTokenClaims claims(Issuer issuer, String clientId, ScopeSet scope, List<String> roles) {
        return new AccessTokenClaims(issuer, clientId, List.of(issuer.value()), new ClientId(clientId), scope,
                ISSUED_AT, EXPIRES_AT, new TokenId("jti-1"), roles);
    }

    public static SignedAccessToken signed(Issuer issuer, String clientId, ScopeSet scope) {
        return new SignedAccessToken(COMPACT, claims(issuer, clientId, scope, List.of()));
    }
}
