package dev.portcullis.application.port.out;

import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Optional;

/** The users realm. Throws {@link BackendUnavailableException} when the store cannot answer. */
public interface UserRepository {

    Optional<User> findByUsername(Username username);

    /** Inserts the user, or replaces the one with the same username. */
    void save(User user);

    /** @return whether a user was there to delete */
    boolean delete(Username username);
}
