package dev.portcullis.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.domain.key.KeyId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyEncryptionTest {

    private static final KeyId KID = new KeyId("key-1");
    private static final String JWK = Keys.jwk("key-1", "EC");

    private final KeyEncryption encryption = new KeyEncryption(MongoTarget.TEST_KEK);

    @Test
    void whatIsSealedOpensAgain() {
        assertThat(encryption.open(KID, encryption.seal(KID, JWK))).isEqualTo(JWK);
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() {
        KeyEncryption.Sealed sealed = encryption.seal(KID, JWK);

        String ciphertext = new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1);
        assertThat(ciphertext).doesNotContain(Keys.privatePart("key-1")).doesNotContain("\"kty\"");
        assertThat(HexFormat.of().formatHex(sealed.ciphertext()))
                .doesNotContain(HexFormat.of().formatHex(Keys.privatePart("key-1").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySealUsesAFreshNonce() {
        KeyEncryption.Sealed first = encryption.seal(KID, JWK);
        KeyEncryption.Sealed second = encryption.seal(KID, JWK);

        assertThat(first.nonce()).hasSize(12);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void aWrongKeyEncryptionKeyFailsClearly() {
        KeyEncryption.Sealed sealed = encryption.seal(KID, JWK);
        byte[] otherKek = MongoTarget.TEST_KEK.clone();
        otherKek[0] ^= 1;

        assertThatThrownBy(() -> new KeyEncryption(otherKek).open(KID, sealed))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("signing key key-1 cannot be decrypted")
                .hasMessageContaining("key-encryption key")
                .message().doesNotContain(Keys.privatePart("key-1"));
    }

    @Test
    void aCiphertextDoesNotOpenUnderAnotherKeyId() {
        KeyEncryption.Sealed sealed = encryption.seal(KID, JWK);

        assertThatThrownBy(() -> encryption.open(new KeyId("key-2"), sealed)).isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void anAlteredCiphertextOrNonceDoesNotOpen() {
        KeyEncryption.Sealed sealed = encryption.seal(KID, JWK);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[5] ^= 1;
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 1;

        assertThatThrownBy(() -> encryption.open(KID, new KeyEncryption.Sealed(sealed.nonce(), ciphertext)))
                .isInstanceOf(KeyDecryptionException.class);
        assertThatThrownBy(() -> encryption.open(KID, new KeyEncryption.Sealed(nonce, sealed.ciphertext())))
                .isInstanceOf(KeyDecryptionException.class);
        assertThatThrownBy(() -> encryption.open(KID, new KeyEncryption.Sealed(new byte[8], sealed.ciphertext())))
                .isInstanceOf(KeyDecryptionException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void theKeyEncryptionKeyMustBe256Bits(int length) {
        assertThatThrownBy(() -> new KeyEncryption(new byte[length]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void theCallerMayWipeItsCopyOfTheKey() {
        byte[] kek = MongoTarget.TEST_KEK.clone();
        KeyEncryption mine = new KeyEncryption(kek);
        KeyEncryption.Sealed sealed = mine.seal(KID, JWK);

        Arrays.fill(kek, (byte) 0);

        assertThat(mine.open(KID, sealed)).isEqualTo(JWK);
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(encryption.toString()).doesNotContain(new String(MongoTarget.TEST_KEK, StandardCharsets.US_ASCII));
    }
}
