package dev.portcullis.application.port.in;

import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.SignedAccessToken;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The token endpoint's answer: a token, or a rejection that is an OAuth error, not a crash. */
public sealed interface TokenResult {

    /** RFC 6749 §5.1. */
    record Issued(SignedAccessToken accessToken, Duration expiresIn, ScopeSet scope, Optional<String> refreshToken)
            implements TokenResult {
        public Issued {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expiresIn, "expiresIn");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        public String toString() {
            return "Issued[" + accessToken + ", scope=" + scope + "]";
        }
    }

    /**
     * Too many failed password grants for the username from this source: refused before the
     * password is checked, for {@code retryAfter} (the login page's lockout, {@code LoginThrottle}).
     */
    record Throttled(Duration retryAfter) implements TokenResult {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive");
            }
        }
    }

    /**
     * RFC 6749 §5.2.
     *
     * @param reason                what went wrong, for the log; the caller sees only a generic description
     * @param clientAuthentication  why the client failed to authenticate, when that is the rejection ({@code invalid_client})
     */
    record Rejected(OAuthError error, String reason, Optional<ClientAuthenticationFailure> clientAuthentication)
            implements TokenResult {
        public Rejected {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(clientAuthentication, "clientAuthentication");
        }

        /** A rejection of an authenticated client's request. */
        public Rejected(OAuthError error, String reason) {
            this(error, reason, Optional.empty());
        }

        /** The client failed to authenticate: {@code invalid_client}. */
        public static Rejected clientAuthenticationFailed(ClientAuthenticationFailure failure, String reason) {
            return new Rejected(OAuthError.INVALID_CLIENT, reason, Optional.of(failure));
        }
    }
}
