package dev.portcullis.adapters.redis;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.contract.KeyStoreContract;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisKeyStoreTest extends KeyStoreContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    @Override
    protected KeyStore newKeyStore() {
        return new RedisKeyStore(redis.backend());
    }

    @Test
    void aKeyIsOneHashFieldHoldingThePrivateJwkStringAsGiven() {
        // bootstrap hands this store keys whose JWK EncryptingKeyStore has already encrypted
        SigningKey key = new SigningKey(new KeyId("kid-1"), SigningAlgorithm.ES256, "enc:A256GCM:bm9uY2U:Y2lwaGVy",
                T0, T0.plusSeconds(60), Optional.empty());

        newKeyStore().save(key);

        Map<String, String> raw = redis.backend().commands().hgetall(redis.keyPrefix() + "keys");
        assertThat(raw).containsOnlyKeys("kid-1");
        assertThat(raw.get("kid-1")).startsWith("4:key1").contains("28:enc:A256GCM:bm9uY2U:Y2lwaGVy");
        assertThat(redis.backend().commands().ttl(redis.keyPrefix() + "keys")).isEqualTo(-1L);
    }

    @Test
    void anUnreadableValueFailsLoudlyWithoutQuotingIt() {
        redis.backend().commands().hset(redis.keyPrefix() + "keys", "kid-1", "4:key15:kid-1" + Keys.privatePart("kid-1"));

        assertThatThrownBy(newKeyStore()::findAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable value in Redis")
                .hasMessageNotContaining(Keys.privatePart("kid-1"));
    }
}
