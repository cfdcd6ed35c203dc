package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The users realm in a map. */
public final class InMemoryUserRepository implements UserRepository {

    private final ConcurrentMap<Username, User> users = new ConcurrentHashMap<>();

    @Override
    public Optional<User> findByUsername(Username username) {
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
