package dev.portcullis.domain.grant;

import dev.portcullis.domain.scope.ScopeSet;
import java.util.Objects;

/** RFC 6749 §4.4: the client acts for itself. An empty {@code requested} asks for the client's default scopes. */
public record ClientCredentialsGrant(ScopeSet requested) implements Grant {

    public ClientCredentialsGrant {
        Objects.requireNonNull(requested, "requested");
    }

    @Override
    public GrantType type() {
        return GrantType.CLIENT_CREDENTIALS;
    }
}
