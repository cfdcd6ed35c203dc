package dev.portcullis.application.service;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Revokes everything a compromised grant issued: the refresh-token family, and the access token
 * issued beside each of its members (RFC 6749 §4.1.2 and §10.4, RFC 9700 §4.14.2).
 *
 * <p>An access token is revoked until {@code now} plus its client's access-token lifetime: every
 * token of the grant was issued at or before now, so none outlives that.
 */
final class GrantRevocation {

    private final ClientRepository clients;
    private final RefreshTokenStore refreshTokens;
    private final RevocationList revocations;
    private final AccessTokenMinter minter;
    private final Clock clock;

    GrantRevocation(ClientRepository clients, RefreshTokenStore refreshTokens, RevocationList revocations,
                    AccessTokenMinter minter, Clock clock) {
        this.clients = clients;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.minter = minter;
        this.clock = clock;
    }

    /** A code presented a second time: the tokens its first redemption issued. */
    void revokeIssuedFrom(AuthorizationCode code) {
        Instant until = clock.instant().plus(accessTokenLifetime(code.clientId()));
        revocations.revoke(code.accessTokenId(), until);
        revokeFamily(code.refreshFamily(), until);
    }

    /** A refresh token presented after it was rotated or revoked: its whole family. */
    void revokeFamilyOf(RefreshToken reused) {
        Instant until = clock.instant().plus(accessTokenLifetime(reused.clientId()));
        revocations.revoke(reused.accessTokenId(), until);
        revokeFamily(reused.family(), until);
    }

    private void revokeFamily(FamilyId family, Instant until) {
        for (RefreshToken member : refreshTokens.revokeFamily(family)) {
            revocations.revoke(member.accessTokenId(), until);
        }
    }

    /**
     * How long the owner's access tokens live: its own lifetime, or the server default if that is
     * longer. The owner is looked up because the presenter of a replayed code may be another client,
     * and one deleted since still has tokens out there.
     */
    private Duration accessTokenLifetime(ClientId owner) {
        Duration fallback = minter.defaultLifetime();
        return clients.findById(owner).map(minter::lifetimeFor)
                .filter(lifetime -> lifetime.compareTo(fallback) > 0)
                .orElse(fallback);
    }
}
