package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about a client an operator chooses; the secret is never chosen, the server generates it.
 * Empty auth methods or grant types mean the defaults of the kind: a confidential client authenticates
 * with {@code client_secret_basic} or {@code client_secret_post} and uses {@code client_credentials};
 * a public client uses {@code none} and {@code authorization_code}.
 */
public record ClientSpec(ClientId id, Kind kind, Set<AuthMethod> authMethods, Set<GrantType> grantTypes,
                         ScopeSet allowedScopes, ScopeSet defaultScopes, List<String> audience,
                         Optional<Duration> accessTokenTtl, List<URI> redirectUris) {

    public enum Kind { CONFIDENTIAL, PUBLIC }

    public ClientSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        Objects.requireNonNull(defaultScopes, "defaultScopes");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        authMethods = Set.copyOf(authMethods);
        grantTypes = Set.copyOf(grantTypes);
        audience = List.copyOf(audience);
        redirectUris = List.copyOf(redirectUris);
    }

    /** A confidential client_credentials client with these scopes (allowed and default), the rest default. */
    public static ClientSpec confidential(ClientId id, ScopeSet scopes) {
        return new ClientSpec(id, Kind.CONFIDENTIAL, Set.of(), Set.of(), scopes, scopes, List.of(), Optional.empty(),
                List.of());
    }
}
