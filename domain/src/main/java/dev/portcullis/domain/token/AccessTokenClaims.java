package dev.portcullis.domain.token;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claims of a JWT access token (RFC 9068 §2.2). {@code roles} is empty for client_credentials.
 * Instants are whole seconds, as JWT NumericDates are.
 */
public record AccessTokenClaims(
        Issuer issuer,
        String subject,
        List<String> audience,
        ClientId clientId,
        ScopeSet scope,
        Instant issuedAt,
        Instant expiresAt,
        TokenId jwtId,
        List<String> roles) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        requireText(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(jwtId, "jwtId");
        audience = List.copyOf(audience);
        roles = List.copyOf(roles);
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("an access token needs an audience (RFC 9068 §2.2)");
        }
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
