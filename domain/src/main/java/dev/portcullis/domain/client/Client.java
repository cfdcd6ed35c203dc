package dev.portcullis.domain.client;

import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.secret.SecretHash;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registered client. Either public (auth method {@code none}, no secret, browser grants only)
 * or confidential (secret methods, a stored secret hash); never both.
 *
 * @param audience       the {@code aud} of its access tokens; empty means the server's default
 * @param accessTokenTtl overrides the server's default access-token lifetime
 * @param redirectUris   registered redirect URIs for authorization_code, compared exactly
 */
public record Client(
        ClientId id,
        Optional<SecretHash> secretHash,
        Set<AuthMethod> authMethods,
        Set<GrantType> grantTypes,
        ScopeSet allowedScopes,
        ScopeSet defaultScopes,
        List<String> audience,
        Optional<Duration> accessTokenTtl,
        List<URI> redirectUris) {

    private static final Set<GrantType> PUBLIC_CLIENT_GRANTS =
            EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        Objects.requireNonNull(defaultScopes, "defaultScopes");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        authMethods = Set.copyOf(authMethods);
        grantTypes = Set.copyOf(grantTypes);
        audience = List.copyOf(audience);
        redirectUris = List.copyOf(redirectUris);
        if (authMethods.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one token endpoint auth method");
        }
        boolean isPublic = authMethods.contains(AuthMethod.NONE);
        if (isPublic && authMethods.size() > 1) {
            throw new IllegalArgumentException("a public client (none) cannot also authenticate with a secret");
        }
        if (isPublic == secretHash.isPresent()) {
            throw new IllegalArgumentException(isPublic ? "a public client has no secret" : "a confidential client needs a secret");
        }
        if (isPublic && !PUBLIC_CLIENT_GRANTS.containsAll(grantTypes)) {
            throw new IllegalArgumentException("a public client may only use authorization_code and refresh_token");
        }
        if (!allowedScopes.containsAll(defaultScopes)) {
            throw new IllegalArgumentException("default scopes must be allowed scopes");
        }
        if (accessTokenTtl.filter(ttl -> ttl.isNegative() || ttl.isZero()).isPresent()) {
            throw new IllegalArgumentException("access token lifetime must be positive");
        }
        if (audience.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("audience values must not be blank");
        }
        if (redirectUris.stream().anyMatch(uri -> !uri.isAbsolute() || uri.getFragment() != null)) {
            throw new IllegalArgumentException("redirect URIs must be absolute and carry no fragment (RFC 6749 §3.1.2)");
        }
    }

    public boolean isPublic() {
        return authMethods.contains(AuthMethod.NONE);
    }

    public boolean allows(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean accepts(AuthMethod method) {
        return authMethods.contains(method);
    }

    /** A confidential client with sensible defaults, for configuration and fixtures. */
    public static Builder confidential(ClientId id, SecretHash secretHash) {
        return new Builder(id, Optional.of(secretHash),
                EnumSet.of(AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST),
                EnumSet.of(GrantType.CLIENT_CREDENTIALS));
    }

    /** A public client (auth method none) using authorization_code. */
    public static Builder publicClient(ClientId id) {
        return new Builder(id, Optional.empty(), EnumSet.of(AuthMethod.NONE), EnumSet.of(GrantType.AUTHORIZATION_CODE));
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, secretHash, authMethods, grantTypes);
        b.allowedScopes = allowedScopes;
        b.defaultScopes = defaultScopes;
        b.audience = audience;
        b.accessTokenTtl = accessTokenTtl;
        b.redirectUris = redirectUris;
        return b;
    }

    /** Collects the many fields of a client; {@link #build()} checks them all at once. */
    public static final class Builder {
        private final ClientId id;
        private Optional<SecretHash> secretHash;
        private Set<AuthMethod> authMethods;
        private Set<GrantType> grantTypes;
        private ScopeSet allowedScopes = ScopeSet.empty();
        private ScopeSet defaultScopes = ScopeSet.empty();
        private List<String> audience = List.of();
        private Optional<Duration> accessTokenTtl = Optional.empty();
        private List<URI> redirectUris = List.of();

        private Builder(ClientId id, Optional<SecretHash> secretHash, Set<AuthMethod> authMethods, Set<GrantType> grantTypes) {
            this.id = id;
            this.secretHash = secretHash;
            this.authMethods = authMethods;
            this.grantTypes = grantTypes;
        }

        public Builder secretHash(SecretHash hash) {
            this.secretHash = Optional.of(hash);
            return this;
        }

        public Builder authMethods(Set<AuthMethod> methods) {
            this.authMethods = methods;
            return this;
        }

        public Builder grantTypes(Set<GrantType> grants) {
            this.grantTypes = grants;
            return this;
        }

        public Builder allowedScopes(ScopeSet scopes) {
            this.allowedScopes = scopes;
            return this;
        }

        public Builder defaultScopes(ScopeSet scopes) {
            this.defaultScopes = scopes;
            return this;
        }

        public Builder audience(List<String> audience) {
            this.audience = audience;
            return this;
        }

        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = Optional.of(ttl);
            return this;
        }

        public Builder redirectUris(List<URI> uris) {
            this.redirectUris = uris;
            return this;
        }

        public Client build() {
            return new Client(id, secretHash, authMethods, grantTypes, allowedScopes, defaultScopes,
                    audience, accessTokenTtl, redirectUris);
        }
    }
}
