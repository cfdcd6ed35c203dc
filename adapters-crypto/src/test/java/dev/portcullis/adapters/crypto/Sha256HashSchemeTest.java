package dev.portcullis.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.secret.SecretHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256HashSchemeTest {

    private final Sha256HashScheme scheme = new Sha256HashScheme();

    @ParameterizedTest
    @ValueSource(strings = {"Xo0xqkWn1nE1u3mJ4y1mS1ZyQm9oZ0hQZkdGb0x0b2s", "", "pässwörd-🔑"})
    void round_trip(String secret) {
        SecretHash hash = scheme.hash(secret);

        assertThat(hash.encoded()).startsWith("$sha256$");
        assertThat(hash.scheme()).isEqualTo("sha256");
        assertThat(scheme.matches(secret, hash)).isTrue();
    }

    @Test
    void wrong_secret_does_not_match() {
        SecretHash hash = scheme.hash("right");

        assertThat(scheme.matches("wrong", hash)).isFalse();
        assertThat(scheme.matches("righ", hash)).isFalse();
        assertThat(scheme.matches("right ", hash)).isFalse();
    }

    @Test
    void two_hashes_of_one_secret_have_different_salts() {
        String[] a = scheme.hash("same").encoded().split("\\$");
        String[] b = scheme.hash("same").encoded().split("\\$");

        assertThat(a[2]).isNotEqualTo(b[2]);
        assertThat(a[3]).isNotEqualTo(b[3]);
    }

    @Test
    void encoding_is_hmac_sha256_keyed_by_a_16_byte_salt() throws Exception {
        String[] parts = scheme.hash("secret").encoded().split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] expected = mac.doFinal("secret".getBytes(StandardCharsets.UTF_8));

        assertThat(parts).hasSize(4);
        assertThat(salt).hasSize(16);
        assertThat(parts[3]).isEqualTo(Base64.getEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void a_hash_made_independently_verifies() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] digest = mac.doFinal("imported".getBytes(StandardCharsets.UTF_8));
        // padded base64 is read as well as unpadded
        SecretHash hash = new SecretHash("$sha256$" + Base64.getEncoder().encodeToString(salt)
                + "$" + Base64.getEncoder().encodeToString(digest));

        assertThat(scheme.matches("imported", hash)).isTrue();
        assertThat(scheme.matches("imported!", hash)).isFalse();
    }
}
