package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.contract.RefreshTokenStoreContract;
import dev.portcullis.application.port.out.contract.Times;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRefreshTokenStoreTest extends RefreshTokenStoreContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected RefreshTokenStore newStore() {
        return new RedisRefreshTokenStore(redis.backend(), Clock.fixed(Times.T0, ZoneOffset.UTC));
    }
}
