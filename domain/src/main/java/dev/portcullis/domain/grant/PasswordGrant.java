package dev.portcullis.domain.grant;

import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.user.Username;
import java.util.Objects;

/**
 * RFC 6749 §4.3: the resource owner's username and password, for trusted legacy clients.
 * An empty {@code requested} asks for the client's default scopes.
 */
public record PasswordGrant(Username username, String password, ScopeSet requested) implements Grant {

    public PasswordGrant {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(requested, "requested");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password grant needs a password");
        }
    }

    @Override
    public GrantType type() {
        return GrantType.PASSWORD;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PasswordGrant[username=" + username + ", requested=" + requested + "]";
    }
}
