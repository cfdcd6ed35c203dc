package dev.portcullis.application.service;

import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.Optional;

/** Which scopes a token gets (RFC 6749 §3.3): the client's defaults when none are asked for. */
final class ScopeResolution {

    private ScopeResolution() {
    }

    /** @return the granted scopes, or empty when the request asks for more than the client may have */
    static Optional<ScopeSet> resolve(Client client, ScopeSet requested) {
        if (requested.isEmpty()) {
            return Optional.of(client.defaultScopes());
        }
        return client.allowedScopes().containsAll(requested) ? Optional.of(requested) : Optional.empty();
    }
}
