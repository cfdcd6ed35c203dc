package dev.portcullis.application.service;

import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.time.Instant;
import java.util.List;

/**
 * Makes refresh tokens: opaque random values of {@value #TOKEN_BYTES} bytes, of which only the hash
 * is stored. The first token of a family lives {@code idleTtl}, capped by the family's absolute
 * limit; every successor starts a new idle period under the same cap.
 */
final class RefreshTokenIssuer {

    /** 256 bits. */
    static final int TOKEN_BYTES = 32;
    /** 128 bits: family ids are never handed out, they only need to be unique. */
    private static final int FAMILY_BYTES = 16;

    private final RefreshTokenStore store;
    private final RandomSource random;
    private final RefreshTokenSettings settings;

    RefreshTokenIssuer(RefreshTokenStore store, RandomSource random, RefreshTokenSettings settings) {
        this.store = store;
        this.random = random;
        this.settings = settings;
    }

    FamilyId newFamily() {
        return new FamilyId(random.nextToken(FAMILY_BYTES));
    }

    /**
     * Stores the first refresh token of {@code family} and returns the value to hand out.
     *
     * @param accessTokenId the access token issued beside it, revoked if the family is
     */
    String startFamily(FamilyId family, Client client, String subject, List<String> roles, ScopeSet scope,
                       TokenId accessTokenId, Instant now) {
        String value = random.nextToken(TOKEN_BYTES);
        Instant familyExpiresAt = now.plus(settings.absoluteTtl());
        store.save(new RefreshToken(OpaqueTokenHash.of(value), family, client.id(), subject, roles, scope, now,
                earlier(now.plus(settings.idleTtl()), familyExpiresAt), familyExpiresAt, accessTokenId,
                RefreshToken.State.ACTIVE));
        return value;
    }

    /**
     * The token that replaces {@code previous} in a rotation: same family, client, subject and scope
     * (RFC 6749 §6: a new refresh token's scope is identical to the one presented), the user's
     * current roles, a new idle period that ends no later than the family does. Not stored: the
     * store's atomic rotation does that.
     */
    Successor successorOf(RefreshToken previous, List<String> roles, TokenId accessTokenId, Instant now) {
        String value = random.nextToken(TOKEN_BYTES);
        RefreshToken token = new RefreshToken(OpaqueTokenHash.of(value), previous.family(), previous.clientId(),
                previous.subject(), roles, previous.scope(), now,
                earlier(now.plus(settings.idleTtl()), previous.familyExpiresAt()), previous.familyExpiresAt(),
                accessTokenId, RefreshToken.State.ACTIVE);
        return new Successor(value, token);
    }

    /** @param value what the client gets; {@code token} holds only its hash */
    record Successor(String value, RefreshToken token) {
        @Override
        public String toString() {
            return "Successor[family=" + token.family() + "]";
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
