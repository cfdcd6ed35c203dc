package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.contract.AuthorizationCodeStoreContract;
import dev.portcullis.application.port.out.contract.Times;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected AuthorizationCodeStore newStore() {
        return new RedisAuthorizationCodeStore(redis.backend(), Clock.fixed(Times.T0, ZoneOffset.UTC));
    }
}
