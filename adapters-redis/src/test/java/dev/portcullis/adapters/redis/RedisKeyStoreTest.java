package dev.portcullis.adapters.redis;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.contract.KeyStoreContract;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.domain.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisKeyStoreTest extends KeyStoreContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private static final byte[] KEK = kek(7);

    @Override
    protected KeyStore newKeyStore() {
        return new RedisKeyStore(redis.backend(), KEK);
    }

    @Test
    void theStoredKeyNeverContainsThePlaintextJwk() {
        SigningKey key = Keys.es256("kid-1", T0);
        SigningKey big = Keys.withLargeJwk("kid-big", T0, 20_000);
        KeyStore store = newKeyStore();
        store.save(key);
        store.save(big);

        Map<String, String> raw = redis.backend().commands().hgetall(redis.keyPrefix() + "keys");

        assertThat(raw).containsOnlyKeys("kid-1", "kid-big");
        for (String stored : raw.values()) {
            assertThat(stored)
                    .doesNotContain(key.privateJwk())
                    .doesNotContain(Keys.privatePart("kid-1"))
                    .doesNotContain(Base64.getEncoder().encodeToString(Keys.privatePart("kid-1").getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain("secret-d")
                    .doesNotContain("\"kty\"")
                    .contains("v1.");
        }
    }

    @Test
    void eachSaveUsesAFreshNonce() {
        SigningKey key = Keys.es256("kid-1", T0);
        KeyStore store = newKeyStore();

        store.save(key);
        String first = redis.backend().commands().hget(redis.keyPrefix() + "keys", "kid-1");
        store.save(key);
        String second = redis.backend().commands().hget(redis.keyPrefix() + "keys", "kid-1");

        assertThat(first).isNotEqualTo(second);
        assertThat(store.findAll()).containsExactly(key);
    }

    @Test
    void anotherKeyEncryptionKeyCannotReadTheKeys() {
        newKeyStore().save(Keys.es256("kid-1", T0));

        KeyStore wrongKek = new RedisKeyStore(redis.backend(), kek(8));

        assertThatThrownBy(wrongKek::findAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kid-1")
                .hasMessageContaining("cannot be decrypted")
                .hasMessageNotContaining(Keys.privatePart("kid-1"));
    }

    @Test
    void aSealedJwkMovedToAnotherKidDoesNotOpen() {
        KeyEncryption encryption = new KeyEncryption(KEK);
        String sealed = encryption.seal("kid-1", "{\"d\":\"x\"}");

        assertThat(encryption.open("kid-1", sealed)).isEqualTo("{\"d\":\"x\"}");
        assertThatThrownBy(() -> encryption.open("kid-2", sealed)).isInstanceOf(IllegalStateException.class);
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BA" : "AA");
        assertThatThrownBy(() -> encryption.open("kid-1", tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyEncryptionKeyMustBe256Bits() {
        assertThatThrownBy(() -> new KeyEncryption(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyEncryption(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCallerMayWipeItsKeyEncryptionKey() {
        byte[] mine = kek(9);
        KeyStore store = new RedisKeyStore(redis.backend(), mine);
        SigningKey key = Keys.es256("kid-1", T0);
        store.save(key);

        Arrays.fill(mine, (byte) 0);

        assertThat(store.findAll()).containsExactly(key);
    }

    private static byte[] kek(int seed) {
        byte[] kek = new byte[32];
        for (int i = 0; i < kek.length; i++) {
            kek[i] = (byte) (seed * 31 + i);
        }
        return kek;
    }
}
