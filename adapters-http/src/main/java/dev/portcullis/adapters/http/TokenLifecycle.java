package dev.portcullis.adapters.http;

import dev.portcullis.application.port.in.IntrospectToken;
import dev.portcullis.application.port.in.RevokeToken;
import dev.portcullis.application.port.in.RotateSigningKey;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.Objects;

/**
 * The use cases behind {@code /revoke} (RFC 7009), {@code /introspect} (RFC 7662) and
 * {@code POST /admin/keys/rotate}, with the scopes their bearer callers need. Given to
 * {@link HttpAdapter}, these routes are served and advertised in the discovery metadata.
 *
 * @param introspectionScope what a resource server's bearer token needs to call {@code /introspect}
 * @param adminScope         what a bearer token needs to call the admin routes
 */
public record TokenLifecycle(RevokeToken revokeToken, IntrospectToken introspectToken, RotateSigningKey rotateSigningKey,
                             ScopeSet introspectionScope, ScopeSet adminScope) {

    public TokenLifecycle {
        Objects.requireNonNull(revokeToken, "revokeToken");
        Objects.requireNonNull(introspectToken, "introspectToken");
        Objects.requireNonNull(rotateSigningKey, "rotateSigningKey");
        Objects.requireNonNull(introspectionScope, "introspectionScope");
        Objects.requireNonNull(adminScope, "adminScope");
        if (introspectionScope.isEmpty() || adminScope.isEmpty()) {
            throw new IllegalArgumentException("the introspection and admin scopes must not be empty: any token would do");
        }
    }
}
