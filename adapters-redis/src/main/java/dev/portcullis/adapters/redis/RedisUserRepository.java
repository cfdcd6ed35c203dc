package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Optional;

/** Users as the fields of one Redis hash, {@code <prefix>users}: username → encoded user. */
public final class RedisUserRepository implements UserRepository {

    private static final String VERSION = "user1";

    private final RedisBackend redis;
    private final String hashKey;

    public RedisUserRepository(RedisBackend redis) {
        this.redis = redis;
        this.hashKey = redis.key("users");
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return Optional.ofNullable(redis.call(() -> redis.commands().hget(hashKey, username.value()))).map(RedisUserRepository::decode);
    }

    @Override
    public void save(User user) {
        String encoded = Doc.write(VERSION)
                .put(user.username().value())
                .put(user.passwordHash().encoded())
                .put(user.roles())
                .put(user.status().name())
                .encode();
        redis.run(() -> redis.commands().hset(hashKey, user.username().value(), encoded));
    }

    @Override
    public boolean delete(Username username) {
        return redis.call(() -> redis.commands().hdel(hashKey, username.value())) > 0;
    }

    static User decode(String encoded) {
        try {
            Doc.Reader r = Doc.read(encoded, VERSION);
            User user = new User(new Username(r.next()), new SecretHash(r.next()), r.nextList(), User.Status.valueOf(r.next()));
            r.end();
            return user;
        } catch (RuntimeException e) {
            throw Doc.corrupt(e);
        }
    }
}
