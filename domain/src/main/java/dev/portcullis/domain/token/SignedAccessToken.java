package dev.portcullis.domain.token;

import java.util.Objects;

/** A signed access token: its compact JWS serialization and the claims it carries. */
public record SignedAccessToken(String compact, AccessTokenClaims claims) {

    public SignedAccessToken {
        Objects.requireNonNull(claims, "claims");
        if (compact == null || dots(compact) != 2) {
            throw new IllegalArgumentException("not a compact JWS");
        }
    }

    /** A loop rather than a stream: this runs once per token issued. */
    private static int dots(String compact) {
        int dots = 0;
        for (int i = compact.indexOf('.'); i >= 0; i = compact.indexOf('.', i + 1)) {
            dots++;
        }
        return dots;
    }

    /** Never prints the token: it is a bearer credential. */
    @Override
    public String toString() {
        return "SignedAccessToken[jti=" + claims.jwtId() + "]";
    }
}
