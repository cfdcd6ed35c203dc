package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.contract.RevocationListContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRevocationListTest extends RevocationListContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected RevocationList newRevocationList(Clock clock) {
        return new RedisRevocationList(redis.backend(), clock);
    }
}
