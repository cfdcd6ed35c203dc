package dev.portcullis.application.service;

import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.application.service.ClientAuthenticator.Authentication;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.SignedAccessToken;
import java.util.List;
import java.util.Optional;

/** Issues tokens for every grant: authenticate, apply the grant policies, then the grant's own rules. */
public final class IssueTokenService implements IssueToken {

    private static final List<GrantPolicy> POLICIES = List.of(GrantPolicy.GRANT_TYPE_ALLOWED);

    private final ClientAuthenticator authenticator;
    private final AccessTokenMinter minter;

    public IssueTokenService(ClientAuthenticator authenticator, AccessTokenMinter minter) {
        this.authenticator = authenticator;
        this.minter = minter;
    }

    @Override
    public TokenResult issue(TokenRequest request) {
        Client client;
        switch (authenticator.authenticate(request.credentials())) {
            case Authentication.Failed failed -> {
                return new Rejected(OAuthError.INVALID_CLIENT, failed.reason());
            }
            case Authentication.Authenticated authenticated -> client = authenticated.client();
        }
        Optional<Rejected> rejected = GrantPolicy.firstRejection(POLICIES, client, request.grant());
        if (rejected.isPresent()) {
            return rejected.get();
        }
        return switch (request.grant()) {
            case ClientCredentialsGrant grant -> clientCredentials(client, grant, request.issuer());
        };
    }

    /** RFC 6749 §4.4: the client is the subject; no refresh token (§4.4.3). */
    private TokenResult clientCredentials(Client client, ClientCredentialsGrant grant, Issuer issuer) {
        Optional<ScopeSet> scope = ScopeResolution.resolve(client, grant.requested());
        if (scope.isEmpty()) {
            return new Rejected(OAuthError.INVALID_SCOPE,
                    "client " + client.id() + " asked for " + grant.requested() + " beyond " + client.allowedScopes());
        }
        SignedAccessToken token = minter.mint(client, issuer, client.id().value(), scope.get(), List.of());
        return new Issued(token, minter.lifetimeFor(client), scope.get(), Optional.empty());
    }
}
