package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A client's own registration request (RFC 7591 §2): its metadata, but never its id, which the server assigns.
 *
 * @param scope the scopes it may ask for, which are also its default scopes
 */
public record DynamicRegistration(AuthMethod authMethod, Set<GrantType> grantTypes, ScopeSet scope, List<URI> redirectUris) {

    public DynamicRegistration {
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(scope, "scope");
        grantTypes = Set.copyOf(grantTypes);
        redirectUris = List.copyOf(redirectUris);
    }
}
