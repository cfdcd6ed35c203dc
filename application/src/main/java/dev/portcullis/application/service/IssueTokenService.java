package dev.portcullis.application.service;

import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.service.ClientAuthenticator.Authentication;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Issues tokens for every grant: authenticate the client, apply the grant policies, then hand the
 * grant to its flow. Public clients (auth method {@code none}) get this far only for the grants
 * their registration can hold, authorization_code and refresh_token (see {@link Client});
 * for any other grant they are {@code unauthorized_client}.
 */
public final class IssueTokenService implements IssueToken {

    private static final List<GrantPolicy> POLICIES = List.of(GrantPolicy.GRANT_TYPE_ALLOWED);

    private final ClientAuthenticator authenticator;
    private final ClientCredentialsFlow clientCredentials;
    private final PasswordFlow password;
    private final AuthorizationCodeFlow authorizationCode;
    private final RefreshTokenFlow refreshToken;

    /**
     * @param clientAuthenticator checks client credentials (the fast client-secret hasher)
     * @param userAuthenticator   checks user passwords (the slow password KDF)
     * @param userThrottle        counts failed password grants per username and source, with the login page's
     * @param random              makes refresh tokens and family ids
     */
    public IssueTokenService(ClientAuthenticator clientAuthenticator, UserAuthenticator userAuthenticator,
                             LoginThrottle userThrottle, AccessTokenMinter minter, GrantStores stores, RandomSource random,
                             Clock clock, RefreshTokenSettings refreshSettings) {
        this.authenticator = clientAuthenticator;
        RefreshTokenIssuer refreshTokens = new RefreshTokenIssuer(stores.refreshTokens(), random, refreshSettings);
        GrantRevocation revocation = new GrantRevocation(stores.clients(), stores.refreshTokens(), stores.revocations(),
                minter, clock);
        this.clientCredentials = new ClientCredentialsFlow(minter);
        this.password = new PasswordFlow(userAuthenticator, userThrottle, minter, refreshTokens, clock);
        this.authorizationCode = new AuthorizationCodeFlow(stores.codes(), revocation, minter, refreshTokens, clock);
        this.refreshToken = new RefreshTokenFlow(stores.refreshTokens(), stores.users(), revocation, minter,
                refreshTokens, clock);
    }

    @Override
    public TokenResult issue(TokenRequest request) {
        Client client;
        switch (authenticator.authenticate(request.credentials())) {
            case Authentication.Failed failed -> {
                return Rejected.clientAuthenticationFailed(failed.failure(), failed.reason());
            }
            case Authentication.Authenticated authenticated -> client = authenticated.client();
        }
        Optional<Rejected> rejected = GrantPolicy.firstRejection(POLICIES, client, request.grant());
        if (rejected.isPresent()) {
            return rejected.get();
        }
        return switch (request.grant()) {
            case ClientCredentialsGrant grant -> clientCredentials.issue(client, grant, request.issuer());
            case PasswordGrant grant -> password.issue(client, grant, request.issuer(), request.source());
            case AuthorizationCodeGrant grant -> authorizationCode.issue(client, grant, request.issuer());
            case RefreshTokenGrant grant -> refreshToken.issue(client, grant, request.issuer());
        };
    }
}
