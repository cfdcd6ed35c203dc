package dev.portcullis.application.port.out.contract;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users in a map, for tests of what uses the port: it passes {@link UserRepositoryContract}, and {@link #down}
 * makes every lookup fail as a store outage does.
 */
public class MapUserRepository implements UserRepository {

    private final Map<Username, User> users = new ConcurrentHashMap<>();
    /** When set, lookups throw {@link BackendUnavailableException}. */
    public volatile boolean down;

    @Override
    public Optional<User> findByUsername(Username username) {
        if (down) {
            throw new BackendUnavailableException("users", null);
        }
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public void save(User user) {
        users.put(user.username(), user);
    }

    @Override
    public boolean delete(Username username) {
        return users.remove(username) != null;
    }
}
