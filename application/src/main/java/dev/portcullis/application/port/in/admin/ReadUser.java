package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Optional;

/** Operators' use case: one user as stored (the edge never shows the password hash). */
public interface ReadUser {

    Optional<User> read(Username username);
}
