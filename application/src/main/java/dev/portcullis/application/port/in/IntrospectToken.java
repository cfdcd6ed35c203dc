package dev.portcullis.application.port.in;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.TokenTypeHint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The introspection endpoint's use case (RFC 7662): is this token active, and what does it carry?
 * Callers are confidential clients or holders of a bearer token with the introspection scope; every
 * token that is not active (expired, revoked, unknown, badly signed, from another issuer, or a
 * refresh token of another client) is the same bare {@link Introspection.Inactive} answer.
 */
public interface IntrospectToken {

    Introspection introspect(IntrospectionRequest request);

    /** Who asks. */
    sealed interface Caller {
        /** A client authenticating as at the token endpoint. */
        record ClientCaller(PresentedCredentials credentials) implements Caller {
            public ClientCaller {
                Objects.requireNonNull(credentials, "credentials");
            }
        }

        /** A resource server presenting its own access token, which must carry the introspection scope. */
        record BearerCaller(String accessToken) implements Caller {
            public BearerCaller {
                Objects.requireNonNull(accessToken, "accessToken");
            }

            /** Never prints the token. */
            @Override
            public String toString() {
                return "BearerCaller[…]";
            }
        }
    }

    /**
     * @param token  the token to introspect, as presented: never logged
     * @param issuer the issuer the request is addressed to: tokens of any other are inactive
     */
    record IntrospectionRequest(Caller caller, String token, Optional<TokenTypeHint> hint, Issuer issuer) {
        public IntrospectionRequest {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(issuer, "issuer");
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("an introspection request names a token");
            }
        }

        /** Never prints the tokens. */
        @Override
        public String toString() {
            return "IntrospectionRequest[" + caller + ", hint=" + hint.map(TokenTypeHint::wire).orElse("none") + "]";
        }
    }

    sealed interface Introspection {

        /** An active access token and its claims. */
        record ActiveAccessToken(AccessTokenClaims claims) implements Introspection {
            public ActiveAccessToken {
                Objects.requireNonNull(claims, "claims");
            }
        }

        /** An active refresh token, described only to the client it was issued to. */
        record ActiveRefreshToken(Issuer issuer, ClientId clientId, String subject, ScopeSet scope, Instant issuedAt,
                                  Instant expiresAt) implements Introspection {
            public ActiveRefreshToken {
                Objects.requireNonNull(issuer, "issuer");
                Objects.requireNonNull(clientId, "clientId");
                Objects.requireNonNull(subject, "subject");
                Objects.requireNonNull(scope, "scope");
                Objects.requireNonNull(issuedAt, "issuedAt");
                Objects.requireNonNull(expiresAt, "expiresAt");
            }
        }

        /** {@code {"active": false}} and nothing else (RFC 7662 §2.2). */
        record Inactive() implements Introspection {}

        /**
         * The caller could not be authenticated or authorized: {@code invalid_client},
         * {@code invalid_token} or {@code insufficient_scope}. {@code reason} is for the log only.
         */
        record Refused(OAuthError error, String reason) implements Introspection {
            public Refused {
                Objects.requireNonNull(error, "error");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
