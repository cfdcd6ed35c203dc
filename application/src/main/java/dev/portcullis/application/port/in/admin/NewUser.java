package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.user.Username;
import java.util.List;
import java.util.Objects;

/** A user to create; the password is hashed with the slow KDF and never shown again. */
public record NewUser(Username username, String password, List<String> roles) {

    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", roles=" + roles + "]";
    }
}
