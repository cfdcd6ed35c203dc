package dev.portcullis.adapters.crypto;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What reaches the wrapped store is AES-256-GCM ciphertext, and what does not decrypt fails loudly. */
class EncryptingKeyStoreTest {

    static final byte[] KEK = "0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final RecordingKeyStore recording = new RecordingKeyStore();
    private final EncryptingKeyStore store = new EncryptingKeyStore(recording, KEK);

    @Test
    void theWrappedStoreNeverSeesThePlaintextJwk() {
        SigningKey key = Keys.es256("key-1", T0);
        SigningKey big = Keys.withLargeJwk("key-big", T0, 20_000);

        store.save(key);
        store.save(big);

        for (SigningKey original : new SigningKey[] {key, big}) {
            String stored = recording.stored(original.id().value()).privateJwk();
            assertThat(stored)
                    .startsWith("enc:A256GCM:")
                    .doesNotContain(original.privateJwk())
                    .doesNotContain(Keys.privatePart("key-1"))
                    .doesNotContain(Base64.getEncoder().encodeToString(Keys.privatePart("key-1").getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain("secret-d")
                    .doesNotContain("\"kty\"")
                    .doesNotContain("\"d\"")
                    .matches("enc:A256GCM:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+");
        }
        assertThat(store.findAll()).containsExactly(key, big);
    }

    @Test
    void onlyThePrivateJwkIsEncryptedTheRestStaysUsableForTheStore() {
        SigningKey key = Keys.key("key-1", SigningAlgorithm.RS256, T0, T0.plusSeconds(60), Optional.of(T0.plusSeconds(3600)));

        store.save(key);

        SigningKey stored = recording.stored("key-1");
        assertThat(stored.id()).isEqualTo(key.id());
        assertThat(stored.algorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.activatesAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(stored.retiresAt()).contains(T0.plusSeconds(3600));
        assertThat(stored.privateJwk()).isNotEqualTo(key.privateJwk());
    }

    @Test
    void everySaveUsesAFreshNonce() {
        SigningKey key = Keys.es256("key-1", T0);
        store.save(key);
        String first = recording.stored("key-1").privateJwk();

        store.save(key);

        String second = recording.stored("key-1").privateJwk();
        assertThat(nonce(first)).hasSize(12).isNotEqualTo(nonce(second));
        assertThat(first).isNotEqualTo(second);
        assertThat(store.findAll()).containsExactly(key);
    }

    @Test
    void aWrongKeyEncryptionKeyFailsClearlyInsteadOfFindingNoKeys() {
        store.save(Keys.es256("key-1", T0));
        byte[] wrong = KEK.clone();
        wrong[31] ^= 0x55;

        assertThatThrownBy(new EncryptingKeyStore(recording, wrong)::findAll)
                .isInstanceOf(KeyDecryptionException.class)
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("signing key key-1 cannot be decrypted")
                .hasMessageContaining("key-encryption key")
                .hasMessageNotContaining(Keys.privatePart("key-1"));
    }

    @Test
    void aCiphertextCopiedOntoAnotherKeyIdDoesNotDecrypt() {
        store.save(Keys.es256("key-1", T0));
        String sealedForKey1 = recording.stored("key-1").privateJwk();

        recording.plant(new SigningKey(new KeyId("key-2"), SigningAlgorithm.ES256, sealedForKey1, T0, T0, Optional.empty()));

        assertThatThrownBy(store::findAll).isInstanceOf(KeyDecryptionException.class).hasMessageContaining("key-2");
    }

    @Test
    void anAlteredCiphertextOrNonceDoesNotDecrypt() {
        store.save(Keys.es256("key-1", T0));
        String sealed = recording.stored("key-1").privateJwk();
        String[] parts = sealed.substring("enc:A256GCM:".length()).split(":");

        for (String altered : new String[] {
                "enc:A256GCM:" + parts[0] + ":" + flipFirst(parts[1]),
                "enc:A256GCM:" + flipFirst(parts[0]) + ":" + parts[1],
                "enc:A256GCM:" + parts[0].substring(4) + ":" + parts[1],
                "enc:A256GCM:" + parts[0] + ":" + parts[1].substring(0, parts[1].length() - 3),
                "enc:A256GCM:" + parts[0] + ":" + parts[1] + ":extra",
                "enc:A256GCM:" + parts[0],
                "enc:A256GCM:!!:" + parts[1]}) {
            recording.plant(withJwk(Keys.es256("key-1", T0), altered));
            assertThatThrownBy(store::findAll).as(altered)
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining("key-1");
        }
    }

    @Test
    void aPlaintextOrForeignValuePlantedInTheStoreIsRefused() {
        recording.plant(Keys.es256("planted", T0));
        assertThatThrownBy(store::findAll)
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("planted")
                .hasMessageContaining("not stored encrypted")
                .hasMessageNotContaining(Keys.privatePart("planted"));

        recording.plant(withJwk(Keys.es256("planted", T0), "enc:A128GCM:AAAA:AAAA"));
        assertThatThrownBy(store::findAll).isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void anOutageOfTheWrappedStoreStaysAnOutage() {
        store.save(Keys.es256("key-1", T0));
        recording.goDown();

        assertThatThrownBy(store::findAll).isInstanceOf(BackendUnavailableException.class);
        assertThatThrownBy(() -> store.save(Keys.es256("key-2", T0))).isInstanceOf(BackendUnavailableException.class);
        assertThatThrownBy(() -> store.delete(new KeyId("key-1"))).isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    void deleteIsTheWrappedStores() {
        store.save(Keys.es256("key-1", T0));

        assertThat(store.delete(new KeyId("key-1"))).isTrue();

        assertThat(recording.stored("key-1")).isNull();
        assertThat(store.delete(new KeyId("key-1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void theKeyEncryptionKeyMustBe256Bits(int length) {
        assertThatThrownBy(() -> new EncryptingKeyStore(recording, new byte[length]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new EncryptingKeyStore(recording, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCallerMayWipeItsKeyEncryptionKey() {
        byte[] mine = KEK.clone();
        EncryptingKeyStore wiped = new EncryptingKeyStore(recording, mine);
        SigningKey key = Keys.es256("key-1", T0);
        wiped.save(key);

        Arrays.fill(mine, (byte) 0);

        assertThat(wiped.findAll()).containsExactly(key);
        assertThat(store.findAll()).as("readable with the original KEK").containsExactly(key);
    }

    @Test
    void neverPrintsTheKeyEncryptionKey() {
        assertThat(store.toString())
                .doesNotContain(new String(KEK, StandardCharsets.US_ASCII))
                .doesNotContain(Base64.getEncoder().encodeToString(KEK));
    }

    private static SigningKey withJwk(SigningKey key, String storedJwk) {
        return new SigningKey(key.id(), key.algorithm(), storedJwk, key.createdAt(), key.activatesAt(), key.retiresAt());
    }

    private static byte[] nonce(String sealed) {
        return Base64.getUrlDecoder().decode(sealed.split(":")[2]);
    }

    private static String flipFirst(String base64url) {
        char first = base64url.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
    }
}
