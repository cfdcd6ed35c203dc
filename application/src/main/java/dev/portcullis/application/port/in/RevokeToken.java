package dev.portcullis.application.port.in;

import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.TokenTypeHint;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation endpoint's use case (RFC 7009): an authenticated client revokes one of its own
 * access or refresh tokens. Anything else it presents (unknown, expired, another client's, garbage)
 * is answered like a success and revokes nothing (RFC 7009 §2.2).
 */
public interface RevokeToken {

    /**
     * Returns only once every revocation it made is durable; throws
     * {@link dev.portcullis.application.port.out.BackendUnavailableException} when it cannot promise that.
     */
    RevocationResult revoke(RevocationRequest request);

    /** @param token the token as presented: never logged */
    record RevocationRequest(PresentedCredentials credentials, String token, Optional<TokenTypeHint> hint) {
        public RevocationRequest {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(hint, "hint");
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("a revocation request names a token");
            }
        }

        /** Never prints the token. */
        @Override
        public String toString() {
            return "RevocationRequest[" + credentials + ", hint=" + hint.map(TokenTypeHint::wire).orElse("none") + "]";
        }
    }

    sealed interface RevocationResult {

        /** The request is answered 200, whatever was found: {@code outcome} is for the log and tests only. */
        record Done(Outcome outcome) implements RevocationResult {
            public Done {
                Objects.requireNonNull(outcome, "outcome");
            }
        }

        /**
         * The client failed to authenticate: {@code error} is {@code invalid_client}.
         *
         * @param failure why, for metrics and audit; @param reason for the log only
         */
        record Rejected(OAuthError error, ClientAuthenticationFailure failure, String reason) implements RevocationResult {
            public Rejected {
                Objects.requireNonNull(error, "error");
                Objects.requireNonNull(failure, "failure");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    enum Outcome {
        /** The access token's jti is on the revocation list until the token expires. */
        ACCESS_TOKEN_REVOKED,
        /** The refresh token's whole family is revoked, with the access tokens issued beside each member. */
        REFRESH_TOKEN_FAMILY_REVOKED,
        /** Not a token of this server that is still alive: expired, unknown, malformed or wrongly signed. */
        NOT_FOUND,
        /** A live token of another client: left alone. */
        NOT_THE_CALLERS
    }
}
