package dev.portcullis.bootstrap;

import dev.portcullis.adapters.redis.RedisKeyStore;
import dev.portcullis.adapters.redis.RedisTestServer;
import dev.portcullis.application.port.out.KeyStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * STORAGE_TYPE=redis (and so revocation in Redis too) against a real Redis, found as adapters-redis'
 * tests find it: REDIS_URI, Testcontainers, redis-server on the PATH, or the one in the embedded-redis
 * jar. Nodes write under the harness's key prefix, which it empties after each test.
 */
class RedisStorageEndToEndTest extends SharedStorageEndToEndTest {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> raw;

    @BeforeAll
    static void connectBehindTheNodesBack() {
        rawClient = RedisClient.create(redis.uri());
        raw = rawClient.connect();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        rawClient.shutdown();
    }

    @Override
    List<String> backendLocation() {
        return List.of("STORAGE_TYPE", "redis", "REDIS_URI", redis.uri(), "REDIS_KEY_PREFIX", redis.keyPrefix(),
                "REDIS_TIMEOUT", "1s");
    }

    @Override
    String backendName() {
        return "redis";
    }

    @Override
    Set<String> storedClientIds() {
        return new TreeSet<>(raw.sync().hkeys(redis.keyPrefix() + "clients"));
    }

    @Override
    Map<String, String> storedKeys() {
        return new TreeMap<>(raw.sync().hgetall(redis.keyPrefix() + "keys"));
    }

    @Override
    KeyStore undecoratedKeyStore() {
        return new RedisKeyStore(redis.backend());
    }

    @Override
    boolean canStopBackend() {
        return redis.canStop();
    }

    @Override
    void stopBackend() {
        redis.stopKeepingData();
    }

    @Override
    void restartBackend() {
        redis.restart();
    }
}
