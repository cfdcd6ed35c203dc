package dev.portcullis.application.service;

import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.SignedAccessToken;
import java.util.List;
import java.util.Optional;

/** RFC 6749 §4.4: the client is the subject; no refresh token (§4.4.3). */
final class ClientCredentialsFlow {

    private final AccessTokenMinter minter;

    ClientCredentialsFlow(AccessTokenMinter minter) {
        this.minter = minter;
    }

    TokenResult issue(Client client, ClientCredentialsGrant grant, Issuer issuer) {
        Optional<ScopeSet> scope = ScopeResolution.resolve(client, grant.requested());
        if (scope.isEmpty()) {
            return new Rejected(OAuthError.INVALID_SCOPE,
                    "client " + client.id() + " asked for " + grant.requested() + " beyond " + client.allowedScopes());
        }
        SignedAccessToken token = minter.mint(client, issuer, client.id().value(), scope.get(), List.of());
        return new Issued(token, minter.lifetimeFor(client), scope.get(), Optional.empty());
    }
}
