package dev.portcullis.application.port.in;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated authorization request: what the login page carries until the user signs in.
 *
 * @param redirectUri where the response goes: the {@code redirect_uri} sent (port included), or
 *                    the client's only registered URI when none was sent
 * @param scope       the scope the code will grant: the one asked for, or the client's default
 * @param state       echoed to the client exactly as received, when it sent one
 */
public record AuthorizationContext(
        ClientId clientId,
        URI redirectUri,
        PkceChallenge challenge,
        ScopeSet scope,
        Optional<String> state) {

    public AuthorizationContext {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(state, "state");
    }
}
