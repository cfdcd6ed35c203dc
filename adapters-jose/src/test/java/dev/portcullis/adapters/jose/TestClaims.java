package dev.portcullis.adapters.jose;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Access token claims for tests. */
final class TestClaims {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private TestClaims() {}

    /** A service token issued at {@code now}, valid for {@link #LIFETIME}, two scopes, no roles. */
    static AccessTokenClaims serviceToken(Instant now) {
        return serviceToken(now, LIFETIME);
    }

    static AccessTokenClaims serviceToken(Instant now, Duration lifetime) {
        return new AccessTokenClaims(
                new Issuer("https://auth.example.com"),
                "billing-service",
                List.of("https://api.example.com"),
                new ClientId("billing-service"),
                ScopeSet.of("invoices:read", "invoices:write"),
                now,
                now.plus(lifetime),
                new TokenId("jti-" + now.getEpochSecond()),
                List.of());
    }

    /** The same claims as a Nimbus claims set, for tokens the tests sign themselves. */
    static JWTClaimsSet.Builder asNimbus(AccessTokenClaims claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(claims.issuer().value())
                .subject(claims.subject())
                .audience(claims.audience())
                .expirationTime(Date.from(claims.expiresAt()))
                .issueTime(Date.from(claims.issuedAt()))
                .jwtID(claims.jwtId().value())
                .claim("client_id", claims.clientId().value());
        if (!claims.scope().isEmpty()) {
            builder.claim("scope", claims.scope().wire());
        }
        if (!claims.roles().isEmpty()) {
            builder.claim("roles", claims.roles());
        }
        return builder;
    }
}
