package dev.portcullis.bootstrap;

import dev.portcullis.adapters.redis.RedisTestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The races on Redis (storage and revocation), started as adapters-redis's own tests start it. */
class RedisGrantRacesTest extends GrantRaces {

    private static final RedisTestServer REDIS = new RedisTestServer();

    /**
     * The harness for the whole class only: it wipes its key prefix after each test, which would
     * take the server's clients, users and keys with it; here that happens once, after the class.
     */
    @RegisterExtension
    static final ClassLevel LIFECYCLE = new ClassLevel();

    @Override
    protected RunningServer startServer() {
        return RunningServer.start("STORAGE_TYPE", "redis", "REDIS_URI", REDIS.uri(), "REDIS_KEY_PREFIX", REDIS.keyPrefix());
    }

    static final class ClassLevel implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            REDIS.beforeAll(context);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            try {
                REDIS.afterEach(context);
            } finally {
                REDIS.afterAll(context);
            }
        }
    }
}
