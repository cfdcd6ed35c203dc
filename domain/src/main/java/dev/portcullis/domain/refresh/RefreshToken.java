package dev.portcullis.domain.refresh;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A refresh token as stored: its hash, what it is bound to, and where it stands in its family.
 *
 * @param expiresAt       the idle limit: this token is unusable after it
 * @param familyExpiresAt the absolute limit of the whole family: no rotation extends past it
 * @param accessTokenId   the access token issued beside it, revoked with the family
 */
public record RefreshToken(
        OpaqueTokenHash hash,
        FamilyId family,
        ClientId clientId,
        String subject,
        List<String> roles,
        ScopeSet scope,
        Instant issuedAt,
        Instant expiresAt,
        Instant familyExpiresAt,
        TokenId accessTokenId,
        State state) {

    public enum State {
        ACTIVE,
        /** Exchanged for a successor: presenting it again is reuse. */
        ROTATED,
        REVOKED
    }

    public RefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(familyExpiresAt, "familyExpiresAt");
        Objects.requireNonNull(accessTokenId, "accessTokenId");
        Objects.requireNonNull(state, "state");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a refresh token has a subject");
        }
        roles = List.copyOf(roles);
        if (!expiresAt.isAfter(issuedAt) || expiresAt.isAfter(familyExpiresAt)) {
            throw new IllegalArgumentException("a refresh token expires after issue and within its family's lifetime");
        }
    }

    public boolean isUsableAt(Instant now) {
        return state == State.ACTIVE && now.isBefore(expiresAt);
    }

    public RefreshToken withState(State next) {
        return new RefreshToken(hash, family, clientId, subject, roles, scope, issuedAt, expiresAt,
                familyExpiresAt, accessTokenId, next);
    }
}
