package dev.portcullis.application.service;

import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.service.RefreshTokenIssuer.Successor;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.SignedAccessToken;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 6749 §6 with rotation (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2). In order:
 * <ol>
 *   <li>the token must exist and be unexpired (idle and absolute limits): else invalid_grant;</li>
 *   <li>it must have been issued to the authenticated client: else invalid_grant, and nothing is
 *       revoked (the presenter proved nothing about the family);</li>
 *   <li>if it was already rotated or revoked, that is reuse: its whole family and their access
 *       tokens are revoked, invalid_grant;</li>
 *   <li>a requested scope may narrow the granted one, never widen it: else invalid_scope. The new
 *       refresh token keeps the granted scope (§6: "identical"); only the access token is narrowed;</li>
 *   <li>the user must still exist and be enabled: else invalid_grant; the new tokens carry the
 *       user's current roles;</li>
 *   <li>one atomic rotation: whoever loses a race sees reuse, and revokes the family.</li>
 * </ol>
 */
final class RefreshTokenFlow {

    private final RefreshTokenStore store;
    private final UserRepository users;
    private final GrantRevocation revocation;
    private final AccessTokenMinter minter;
    private final RefreshTokenIssuer refreshTokens;
    private final Clock clock;

    RefreshTokenFlow(RefreshTokenStore store, UserRepository users, GrantRevocation revocation, AccessTokenMinter minter,
                     RefreshTokenIssuer refreshTokens, Clock clock) {
        this.store = store;
        this.users = users;
        this.revocation = revocation;
        this.minter = minter;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    TokenResult issue(Client client, RefreshTokenGrant grant, Issuer issuer) {
        Instant now = clock.instant();
        OpaqueTokenHash hash = OpaqueTokenHash.of(grant.refreshToken());
        Optional<RefreshToken> found = store.find(hash, now);
        if (found.isEmpty()) {
            return invalidGrant("unknown or expired refresh token");
        }
        RefreshToken presented = found.get();
        if (!presented.clientId().equals(client.id())) {
            return invalidGrant("refresh token of client " + presented.clientId() + " presented by " + client.id());
        }
        if (presented.state() != RefreshToken.State.ACTIVE) {
            return reused(presented);
        }
        ScopeSet scope = grant.requested().isEmpty() ? presented.scope() : grant.requested();
        if (!presented.scope().containsAll(scope)) {
            return new Rejected(OAuthError.INVALID_SCOPE,
                    "refresh asked for " + scope + " beyond the granted " + presented.scope());
        }
        Optional<User> user = enabledUser(presented.subject());
        if (user.isEmpty()) {
            return invalidGrant("user " + presented.subject() + " is gone or disabled");
        }
        TokenId accessTokenId = minter.newTokenId();
        Successor successor = refreshTokens.successorOf(presented, user.get().roles(), accessTokenId, now);
        return switch (store.rotate(hash, successor.token(), now)) {
            case Rotation.Unknown unknown -> invalidGrant("refresh token expired while refreshing");
            case Rotation.Reused reused -> reused(reused.previous());
            case Rotation.Rotated rotated -> {
                SignedAccessToken token = minter.mint(client, issuer, presented.subject(), scope, user.get().roles(), accessTokenId);
                yield new Issued(token, minter.lifetimeFor(client), scope, Optional.of(successor.value()));
            }
        };
    }

    private TokenResult reused(RefreshToken previous) {
        revocation.revokeFamilyOf(previous);
        return invalidGrant("refresh token of family " + previous.family() + " reused (" + previous.state()
                + "); the family and its access tokens are revoked");
    }

    private Optional<User> enabledUser(String subject) {
        if (!Username.isValid(subject)) {
            return Optional.empty();
        }
        return users.findByUsername(new Username(subject)).filter(User::isEnabled);
    }

    private static Rejected invalidGrant(String reason) {
        return new Rejected(OAuthError.INVALID_GRANT, reason);
    }
}
