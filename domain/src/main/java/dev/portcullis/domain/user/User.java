package dev.portcullis.domain.user;

import dev.portcullis.domain.secret.SecretHash;
import java.util.List;
import java.util.Objects;

/** A user of the realm: the subject of password and authorization_code grants. */
public record User(Username username, SecretHash passwordHash, List<String> roles, Status status) {

    public enum Status { ENABLED, DISABLED }

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        roles = List.copyOf(roles);
    }

    public boolean isEnabled() {
        return status == Status.ENABLED;
    }
}
