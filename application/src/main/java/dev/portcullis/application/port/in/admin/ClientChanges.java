package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A partial update of a client: each present field replaces the stored one, absent fields stay. */
public record ClientChanges(Optional<Set<AuthMethod>> authMethods, Optional<Set<GrantType>> grantTypes,
                            Optional<ScopeSet> allowedScopes, Optional<ScopeSet> defaultScopes,
                            Optional<List<String>> audience, Optional<Duration> accessTokenTtl,
                            Optional<List<URI>> redirectUris) {

    public ClientChanges {
        Objects.requireNonNull(authMethods, "authMethods");
        Objects.requireNonNull(grantTypes, "grantTypes");
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        Objects.requireNonNull(defaultScopes, "defaultScopes");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(redirectUris, "redirectUris");
        authMethods = authMethods.map(Set::copyOf);
        grantTypes = grantTypes.map(Set::copyOf);
        audience = audience.map(List::copyOf);
        redirectUris = redirectUris.map(List::copyOf);
    }

    public static ClientChanges none() {
        return new ClientChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
