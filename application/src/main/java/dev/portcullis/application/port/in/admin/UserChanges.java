package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.user.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A partial update of a user: each present field replaces the stored one. */
public record UserChanges(Optional<String> password, Optional<List<String>> roles, Optional<User.Status> status) {

    public UserChanges {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(status, "status");
        roles = roles.map(List::copyOf);
    }

    public static UserChanges disable() {
        return new UserChanges(Optional.empty(), Optional.empty(), Optional.of(User.Status.DISABLED));
    }

    @Override
    public String toString() {
        return "UserChanges[password " + (password.isPresent() ? "changed" : "kept") + ", roles=" + roles + ", status=" + status
                + "]";
    }
}
