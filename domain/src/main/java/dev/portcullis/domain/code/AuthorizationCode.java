package dev.portcullis.domain.code;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authorization code, as stored: only its hash, and everything it is bound to.
 * The ids of the tokens its redemption will issue are chosen with the code, so a replayed code
 * can revoke them without a second write at redemption (RFC 6749 §4.1.2, RFC 9700 §4.2.1).
 */
public record AuthorizationCode(
        OpaqueTokenHash hash,
        ClientId clientId,
        URI redirectUri,
        PkceChallenge challenge,
        String subject,
        List<String> roles,
        ScopeSet scope,
        Instant expiresAt,
        TokenId accessTokenId,
        FamilyId refreshFamily) {

    public AuthorizationCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(accessTokenId, "accessTokenId");
        Objects.requireNonNull(refreshFamily, "refreshFamily");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a code is issued to a user");
        }
        roles = List.copyOf(roles);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
