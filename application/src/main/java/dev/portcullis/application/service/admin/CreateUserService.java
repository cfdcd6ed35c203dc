package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.CreateUser;
import dev.portcullis.application.port.in.admin.NewUser;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/** Creates a user with the password hashed by the slow KDF the server is configured with. */
public final class CreateUserService implements CreateUser {

    private final UserRepository users;
    private final SecretHasher passwords;

    public CreateUserService(UserRepository users, SecretHasher passwords) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    @Override
    public AdminResult<User> create(NewUser request) {
        Optional<String> problem = Passwords.problem(request.password());
        if (problem.isPresent()) {
            return AdminResult.rejected(Rejection.INVALID, problem.get());
        }
        if (request.roles().stream().anyMatch(r -> r == null || r.isBlank())) {
            return AdminResult.rejected(Rejection.INVALID, "roles must not be blank");
        }
        if (users.findByUsername(request.username()).isPresent()) {
            return AdminResult.rejected(Rejection.CONFLICT, "a user with this username exists");
        }
        User user = new User(request.username(), passwords.hash(request.password()), request.roles(), User.Status.ENABLED);
        users.save(user);
        return AdminResult.done(user);
    }
}
