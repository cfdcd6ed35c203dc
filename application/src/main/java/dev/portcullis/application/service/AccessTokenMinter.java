package dev.portcullis.application.service;

import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.TokenSigner;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.SignedAccessToken;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Mints and signs RFC 9068 access tokens: the one place their claims are decided. */
public final class AccessTokenMinter {

    /** 128 bits: a jti that never collides and cannot be guessed. */
    private static final int TOKEN_ID_BYTES = 16;

    private final TokenSigner signer;
    private final RandomSource random;
    private final Clock clock;
    private final TokenSettings settings;

    public AccessTokenMinter(TokenSigner signer, RandomSource random, Clock clock, TokenSettings settings) {
        this.signer = signer;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    /** A fresh, unguessable token id, for a token minted later with {@link #mint(Client, Issuer, String, ScopeSet, List, TokenId)}. */
    public TokenId newTokenId() {
        return new TokenId(random.nextToken(TOKEN_ID_BYTES));
    }

    /** Mints a token with a fresh {@code jti}. */
    public SignedAccessToken mint(Client client, Issuer issuer, String subject, ScopeSet scope, List<String> roles) {
        return mint(client, issuer, subject, scope, roles, newTokenId());
    }

    /**
     * Mints a token with a {@code jti} chosen beforehand: an authorization code, or a refresh token,
     * names the access token issued beside it so that the one can be revoked with the other.
     */
    public SignedAccessToken mint(Client client, Issuer issuer, String subject, ScopeSet scope, List<String> roles, TokenId jwtId) {
        Instant now = clock.instant();
        AccessTokenClaims claims = new AccessTokenClaims(
                issuer,
                subject,
                audienceFor(client, issuer),
                client.id(),
                scope,
                now,
                now.plus(lifetimeFor(client)),
                jwtId,
                roles);
        return signer.sign(claims);
    }

    public Duration lifetimeFor(Client client) {
        return client.accessTokenTtl().orElse(defaultLifetime());
    }

    /** The lifetime of tokens whose client sets none. */
    public Duration defaultLifetime() {
        return settings.defaultAccessTokenTtl();
    }

    List<String> audienceFor(Client client, Issuer issuer) {
        if (!client.audience().isEmpty()) {
            return client.audience();
        }
        return List.of(settings.defaultAudience().orElse(issuer.value()));
    }
}
