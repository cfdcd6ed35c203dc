package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.UpdateUser;
import dev.portcullis.application.port.in.admin.UserChanges;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Objects;
import java.util.Optional;

public final class UpdateUserService implements UpdateUser {

    private final UserRepository users;
    private final SecretHasher passwords;

    public UpdateUserService(UserRepository users, SecretHasher passwords) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    @Override
    public AdminResult<User> update(Username username, UserChanges changes) {
        Optional<String> problem = changes.password().flatMap(Passwords::problem);
        if (problem.isPresent()) {
            return AdminResult.rejected(Rejection.INVALID, problem.get());
        }
        if (changes.roles().orElse(java.util.List.of()).stream().anyMatch(r -> r == null || r.isBlank())) {
            return AdminResult.rejected(Rejection.INVALID, "roles must not be blank");
        }
        Optional<User> stored = users.findByUsername(username);
        if (stored.isEmpty()) {
            return AdminResult.rejected(Rejection.NOT_FOUND, "no such user");
        }
        User u = stored.get();
        SecretHash hash = changes.password().map(passwords::hash).orElse(u.passwordHash());
        User updated = new User(username, hash, changes.roles().orElse(u.roles()), changes.status().orElse(u.status()));
        users.save(updated);
        return AdminResult.done(updated);
    }
}
