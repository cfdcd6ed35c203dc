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

    /**
     * The default scopes of a client whose operator named none, the one rule of the admin API and the command line:
     * a client that asks for no scope gets every scope it may have (RFC 6749 §3.3 leaves the default to the server;
     * no scope at all would make a client registered with scopes get tokens that carry none).
     */
    public static ScopeSet defaultScopes(Optional<ScopeSet> given, ScopeSet allowed) {
        return given.orElse(allowed);
    }

    /** A confidential client_credentials client with these scopes (allowed and default), the rest default. */
    public static ClientSpec confidential(ClientId id, ScopeSet scopes) {
        return new ClientSpec(id, Kind.CONFIDENTIAL, Set.of(), Set.of(), scopes, scopes, List.of(), Optional.empty(),
                List.of());
    }
}
