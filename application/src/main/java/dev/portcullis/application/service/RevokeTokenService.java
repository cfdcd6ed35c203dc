package dev.portcullis.application.service;

import dev.portcullis.application.port.in.RevokeToken;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.application.service.ClientAuthenticator.Authentication;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.token.TokenTypeHint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Revokes a client's own tokens (RFC 7009 §2.1). The caller authenticates exactly as at the token
 * endpoint; the token is looked up as the hinted type first, then as the other.
 * <ul>
 *   <li>An access token (a JWT this server signed, still in its time window, issued to the caller):
 *       its {@code jti} goes on the revocation list until {@code exp} plus the verifiers' clock skew,
 *       since a verifier accepts it that long.</li>
 *   <li>A refresh token of the caller: its whole family is revoked, and so is the access token issued
 *       beside every member of the family, each until it would expire.</li>
 *   <li>Anything else, including a live token of another client: nothing happens; the caller sees
 *       the same success (§2.2), so the endpoint cannot be used to probe for other clients' tokens.</li>
 * </ul>
 * A store that cannot answer throws: a revocation is never acknowledged without being durable.
 */
public final class RevokeTokenService implements RevokeToken {

    private final ClientAuthenticator authenticator;
    private final TokenVerifier verifier;
    private final RevocationList revocations;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;
    private final TokenSettings tokens;
    private final Duration clockSkew;

    /**
     * @param clockSkew how long after {@code exp} the verifiers still accept a token: revocations last that much longer
     */
    public RevokeTokenService(ClientAuthenticator authenticator, TokenVerifier verifier, RevocationList revocations,
            RefreshTokenStore refreshTokens, Clock clock, TokenSettings tokens, Duration clockSkew) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative");
        }
    }

    @Override
    public RevocationResult revoke(RevocationRequest request) {
        Client client;
        switch (authenticator.authenticate(request.credentials())) {
            case Authentication.Failed failed -> {
                return new RevocationResult.Rejected(OAuthError.INVALID_CLIENT, failed.failure(), failed.reason());
            }
            case Authentication.Authenticated authenticated -> client = authenticated.client();
        }
        for (TokenTypeHint type : lookupOrder(request.hint())) {
            Optional<Outcome> outcome = switch (type) {
                case ACCESS_TOKEN -> revokeAccessToken(client, request.token());
                case REFRESH_TOKEN -> revokeRefreshToken(client, request.token());
            };
            if (outcome.isPresent()) {
                return new RevocationResult.Done(outcome.get());
            }
        }
        return new RevocationResult.Done(Outcome.NOT_FOUND);
    }

    /** The hinted type first, then the other; access tokens first without a hint: checking one asks no store. */
    static List<TokenTypeHint> lookupOrder(Optional<TokenTypeHint> hint) {
        return hint.orElse(TokenTypeHint.ACCESS_TOKEN) == TokenTypeHint.REFRESH_TOKEN
                ? List.of(TokenTypeHint.REFRESH_TOKEN, TokenTypeHint.ACCESS_TOKEN)
                : List.of(TokenTypeHint.ACCESS_TOKEN, TokenTypeHint.REFRESH_TOKEN);
    }

    /** Empty when the token is not a live access token of this server. */
    private Optional<Outcome> revokeAccessToken(Client client, String token) {
        if (!(verifier.verify(token) instanceof Verification.Valid valid)) {
            return Optional.empty();
        }
        AccessTokenClaims claims = valid.claims();
        if (!claims.clientId().equals(client.id())) {
            return Optional.of(Outcome.NOT_THE_CALLERS);
        }
        revocations.revoke(claims.jwtId(), claims.expiresAt().plus(clockSkew));
        return Optional.of(Outcome.ACCESS_TOKEN_REVOKED);
    }

    /** Empty when the token is not a stored, unexpired refresh token. */
    private Optional<Outcome> revokeRefreshToken(Client client, String token) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = refreshTokens.find(OpaqueTokenHash.of(token), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken presented = found.get();
        if (!presented.clientId().equals(client.id())) {
            return Optional.of(Outcome.NOT_THE_CALLERS);
        }
        Map<TokenId, Instant> accessTokens = new LinkedHashMap<>();
        accessTokens.put(presented.accessTokenId(), accessTokenExpiry(client, presented));
        for (RefreshToken member : refreshTokens.revokeFamily(presented.family())) {
            accessTokens.merge(member.accessTokenId(), accessTokenExpiry(client, member),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        accessTokens.forEach((id, until) -> {
            if (now.isBefore(until)) {
                revocations.revoke(id, until);
            }
        });
        return Optional.of(Outcome.REFRESH_TOKEN_FAMILY_REVOKED);
    }

    /**
     * When the access token issued beside {@code member} stops being accepted: issued with it, living the
     * client's lifetime (or the server default, whichever is longer, in case either changed since), plus skew.
     */
    private Instant accessTokenExpiry(Client client, RefreshToken member) {
        Duration lifetime = client.accessTokenTtl().orElse(tokens.defaultAccessTokenTtl());
        if (lifetime.compareTo(tokens.defaultAccessTokenTtl()) < 0) {
            lifetime = tokens.defaultAccessTokenTtl();
        }
        return member.issuedAt().plus(lifetime).plus(clockSkew);
    }
}
