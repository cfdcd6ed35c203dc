package dev.portcullis.application.service;

import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.application.port.in.TokenResult.Throttled;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.service.UserAuthenticator.Authentication;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.SignedAccessToken;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 6749 §4.3: the user's own credentials, for clients registered for the grant. Scopes resolve as
 * for client_credentials; {@code sub} is the username, {@code roles} the user's roles; a refresh
 * token starts a new family when the client also has the refresh_token grant.
 *
 * <p>RFC 6749 §4.3.2 asks for protection against brute force: failures are counted per username and
 * source by the same {@link LoginThrottle} as the login page's, so guesses spread over both share one
 * count. A locked pair is {@link Throttled} before any password is checked, even the right one.
 */
final class PasswordFlow {

    private final UserAuthenticator users;
    private final LoginThrottle throttle;
    private final AccessTokenMinter minter;
    private final RefreshTokenIssuer refreshTokens;
    private final Clock clock;

    PasswordFlow(UserAuthenticator users, LoginThrottle throttle, AccessTokenMinter minter, RefreshTokenIssuer refreshTokens,
                 Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.minter = minter;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    TokenResult issue(Client client, PasswordGrant grant, Issuer issuer, String source) {
        Optional<ScopeSet> scope = ScopeResolution.resolve(client, grant.requested());
        if (scope.isEmpty()) {
            return new Rejected(OAuthError.INVALID_SCOPE,
                    "client " + client.id() + " asked for " + grant.requested() + " beyond " + client.allowedScopes());
        }
        Optional<Duration> retryAfter = throttle.retryAfter(grant.username(), source);
        if (retryAfter.isPresent()) {
            return new Throttled(retryAfter.get());
        }
        User user;
        switch (users.authenticate(grant.username(), grant.password())) {
            case Authentication.Failed failed -> {
                throttle.recordFailure(grant.username(), source);
                return new Rejected(OAuthError.INVALID_GRANT, failed.reason());
            }
            case Authentication.Authenticated authenticated -> {
                throttle.recordSuccess(grant.username(), source);
                user = authenticated.user();
            }
        }
        Instant now = clock.instant();
        String subject = user.username().value();
        TokenId accessTokenId = minter.newTokenId();
        SignedAccessToken token = minter.mint(client, issuer, subject, scope.get(), user.roles(), accessTokenId);
        Optional<String> refresh = client.allows(GrantType.REFRESH_TOKEN)
                ? Optional.of(refreshTokens.startFamily(refreshTokens.newFamily(), client, subject, user.roles(),
                        scope.get(), accessTokenId, now))
                : Optional.empty();
        return new Issued(token, minter.lifetimeFor(client), scope.get(), refresh);
    }
}
