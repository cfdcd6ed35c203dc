package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.ReadUser;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Objects;
import java.util.Optional;

public final class ReadUserService implements ReadUser {

    private final UserRepository users;

    public ReadUserService(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public Optional<User> read(Username username) {
        return users.findByUsername(username);
    }
}
