package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.contract.ClientRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisClientRepositoryTest extends ClientRepositoryContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected ClientRepository newRepository() {
        return new RedisClientRepository(redis.backend());
    }
}
