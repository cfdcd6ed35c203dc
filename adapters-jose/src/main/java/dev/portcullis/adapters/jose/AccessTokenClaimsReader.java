package dev.portcullis.adapters.jose;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.adapters.jose.JoseTokenVerifier.Refusal;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.TokenId;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Reads a verified JWT claims set back into {@link AccessTokenClaims}: the inverse of
 * {@link AccessTokenPayload}. Every claim RFC 9068 §2.2 requires must be there with the right
 * type; {@code scope} and {@code roles} may be absent (meaning none).
 */
final class AccessTokenClaimsReader {

    private AccessTokenClaimsReader() {}

    static AccessTokenClaims read(JWTClaimsSet claims) throws Refusal {
        try {
            String scope = claims.getStringClaim("scope");
            List<String> roles = claims.getStringListClaim("roles");
            return new AccessTokenClaims(
                    new Issuer(required(claims.getIssuer(), "iss")),
                    required(claims.getSubject(), "sub"),
                    claims.getAudience(),
                    new ClientId(required(claims.getStringClaim("client_id"), "client_id")),
                    scope == null ? ScopeSet.empty() : ScopeSet.parse(scope)
                            .orElseThrow(() -> new Refusal("scope is not a space-delimited list of scope tokens")),
                    instant(claims.getIssueTime(), "iat"),
                    instant(claims.getExpirationTime(), "exp"),
                    new TokenId(required(claims.getJWTID(), "jti")),
                    roles == null ? List.of() : roles);
        } catch (ParseException e) {
            throw new Refusal("a claim has the wrong type: " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            // The domain types' own checks: e.g. an issuer that is not a URL, an empty aud, exp before iat.
            throw new Refusal("invalid claims: " + e.getMessage());
        }
    }

    private static <T> T required(T value, String claim) throws Refusal {
        if (value == null) {
            throw new Refusal("no " + claim);
        }
        return value;
    }

    private static Instant instant(Date value, String claim) throws Refusal {
        return required(value, claim).toInstant();
    }
}
