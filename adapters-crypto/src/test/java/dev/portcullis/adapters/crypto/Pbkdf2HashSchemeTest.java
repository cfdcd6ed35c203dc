package dev.portcullis.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.secret.SecretHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2HashSchemeTest {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private final Pbkdf2HashScheme scheme = new Pbkdf2HashScheme(1_000);

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "pässwörd-🔑", "x", ""})
    void round_trip(String secret) {
        SecretHash hash = scheme.hash(secret);

        assertThat(hash.encoded()).startsWith("$pbkdf2-sha256$i=1000$");
        assertThat(hash.scheme()).isEqualTo("pbkdf2-sha256");
        assertThat(scheme.matches(secret, hash)).isTrue();
    }

    @Test
    void wrong_secret_does_not_match() {
        SecretHash hash = scheme.hash("right");

        assertThat(scheme.matches("wrong", hash)).isFalse();
        assertThat(scheme.matches("Right", hash)).isFalse();
    }

    @Test
    void two_hashes_of_one_secret_have_different_salts() {
        String[] a = scheme.hash("same").encoded().split("\\$");
        String[] b = scheme.hash("same").encoded().split("\\$");

        assertThat(a[3]).isNotEqualTo(b[3]);
        assertThat(a[4]).isNotEqualTo(b[4]);
    }

    @Test
    void defaults_to_owasp_iterations() {
        assertThat(new Pbkdf2HashScheme().toString()).contains("i=600000");
        assertThatThrownBy(() -> new Pbkdf2HashScheme(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_vector_computed_with_the_jdk_directly_verifies() throws Exception {
        byte[] salt = "NaCl-and-pepper!".getBytes(StandardCharsets.US_ASCII);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("imported-secret".toCharArray(), salt, 2_000, 256))
                .getEncoded();
        SecretHash hash = new SecretHash("$pbkdf2-sha256$i=2000$" + B64.encodeToString(salt) + "$" + B64.encodeToString(derived));

        assertThat(scheme.matches("imported-secret", hash)).isTrue();
        assertThat(scheme.matches("imported-secreT", hash)).isFalse();
    }

    @Test
    void our_encoding_verifies_with_the_jdk_directly() throws Exception {
        String[] parts = scheme.hash("ours").encoded().split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("ours".toCharArray(), salt, 1_000, 256))
                .getEncoded();

        assertThat(parts[2]).isEqualTo("i=1000");
        assertThat(salt).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[4])).isEqualTo(derived);
    }

    @Test
    void rfc_7914_test_vector_with_a_64_byte_hash_verifies() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64
        byte[] expected = HexFormat.of().parseHex(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        SecretHash hash = new SecretHash("$pbkdf2-sha256$i=1$" + B64.encodeToString("salt".getBytes(StandardCharsets.US_ASCII))
                + "$" + B64.encodeToString(expected));

        assertThat(scheme.matches("passwd", hash)).isTrue();
        assertThat(scheme.matches("passwe", hash)).isFalse();
    }

    @Test
    void passlib_form_without_i_and_with_dots_for_plus_verifies() throws Exception {
        byte[] salt = new byte[16];
        byte[] derived;
        String saltText;
        // find a salt whose base64 contains '+', so the '.' substitution is exercised
        for (int n = 0; ; n++) {
            salt[0] = (byte) n;
            saltText = B64.encodeToString(salt);
            if (saltText.contains("+")) {
                break;
            }
        }
        derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("from-passlib".toCharArray(), salt, 1_500, 256))
                .getEncoded();
        SecretHash hash = new SecretHash("$pbkdf2-sha256$1500$" + saltText.replace('+', '.')
                + "$" + B64.encodeToString(derived).replace('+', '.'));

        assertThat(scheme.matches("from-passlib", hash)).isTrue();
        assertThat(scheme.matches("from-passlib2", hash)).isFalse();
    }

    @Test
    void hash_fields_of_16_to_64_bytes_are_read_and_shorter_ones_refused() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("s".toCharArray(), salt, 1_000, 64 * 8))
                .getEncoded();
        String prefix = "$pbkdf2-sha256$i=1000$" + B64.encodeToString(salt) + "$";

        assertThat(scheme.matches("s", new SecretHash(prefix + B64.encodeToString(java.util.Arrays.copyOf(derived, 16))))).isTrue();
        assertThat(scheme.matches("s", new SecretHash(prefix + B64.encodeToString(derived)))).isTrue();
        assertThat(scheme.matches("s", new SecretHash(prefix + B64.encodeToString(java.util.Arrays.copyOf(derived, 15))))).isFalse();
    }

    @Test
    void iterations_above_the_ceiling_are_refused_without_computing() {
        String[] parts = scheme.hash("s").encoded().split("\\$");
        SecretHash huge = new SecretHash("$pbkdf2-sha256$i=99999999$" + parts[3] + "$" + parts[4]);

        assertThat(scheme.matches("s", huge)).isFalse();
    }
}
