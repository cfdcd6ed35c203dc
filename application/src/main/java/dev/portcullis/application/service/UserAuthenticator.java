package dev.portcullis.application.service;

import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Optional;

/**
 * Checks a user's password against the realm: for the password grant and the login page alike.
 * The hasher is the slow password KDF, not the fast client-secret hash.
 */
public final class UserAuthenticator {

    private final UserRepository users;
    private final SecretHasher passwords;
    /** Checked against for unknown users, so that timing does not reveal which usernames exist. */
    private final SecretHash decoy;

    public UserAuthenticator(UserRepository users, SecretHasher passwords) {
        this.users = users;
        this.passwords = passwords;
        this.decoy = passwords.hash("decoy-password-for-unknown-users");
    }

    public Authentication authenticate(Username username, String password) {
        Optional<User> found = users.findByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, decoy);
            return new Authentication.Failed("unknown user " + username);
        }
        User user = found.get();
        if (!passwords.matches(password, user.passwordHash())) {
            return new Authentication.Failed("wrong password for user " + username);
        }
        if (!user.isEnabled()) {
            return new Authentication.Failed("user " + username + " is disabled");
        }
        return new Authentication.Authenticated(user);
    }

    public sealed interface Authentication {
        record Authenticated(User user) implements Authentication {}

        /** @param reason for the log only: the caller sees one generic failure */
        record Failed(String reason) implements Authentication {}
    }
}
