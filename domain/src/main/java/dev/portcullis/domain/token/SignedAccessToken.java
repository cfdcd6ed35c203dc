package dev.portcullis.domain.token;

import java.util.Objects;

/** A signed access token: its compact JWS serialization and the claims it carries. */
public record SignedAccessToken(String compact, AccessTokenClaims claims) {

    public SignedAccessToken {
        Objects.requireNonNull(claims, "claims");
        if (compact == null || compact.chars().filter(c -> c == '.').count() != 2) {
            throw new IllegalArgumentException("not a compact JWS");
        }
    }

    /** Never prints the token: it is a bearer credential. */
    @Override
    public String toString() {
        return "SignedAccessToken[jti=" + claims.jwtId() + "]";
    }
}
