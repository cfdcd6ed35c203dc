package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.port.out.contract.UserRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisUserRepositoryTest extends UserRepositoryContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected UserRepository newRepository() {
        return new RedisUserRepository(redis.backend());
    }
}
