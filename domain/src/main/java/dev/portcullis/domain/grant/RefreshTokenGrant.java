package dev.portcullis.domain.grant;

import dev.portcullis.domain.scope.ScopeSet;
import java.util.Objects;

/**
 * RFC 6749 §6: a refresh token traded for a new access token (and, rotating, a new refresh token).
 * An empty {@code requested} asks for the scope originally granted; a non-empty one may only narrow it.
 */
public record RefreshTokenGrant(String refreshToken, ScopeSet requested) implements Grant {

    public RefreshTokenGrant {
        Objects.requireNonNull(requested, "requested");
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw new IllegalArgumentException("a refresh_token grant needs a refresh token");
        }
    }

    @Override
    public GrantType type() {
        return GrantType.REFRESH_TOKEN;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "RefreshTokenGrant[requested=" + requested + "]";
    }
}
