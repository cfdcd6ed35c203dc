package dev.portcullis.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.secret.SecretHash;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptHashSchemeTest {

    private static final byte[] KNOWN_SALT = "sixteen byte sal".getBytes(StandardCharsets.US_ASCII);
    private final BcryptHashScheme scheme = new BcryptHashScheme(4);

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "pässwörd-🔑", "a", ""})
    void round_trip(String secret) {
        SecretHash hash = scheme.hash(secret);

        assertThat(hash.encoded()).startsWith("$2b$04$").hasSize(60);
        assertThat(scheme.matches(secret, hash)).isTrue();
    }

    @Test
    void wrong_secret_does_not_match() {
        SecretHash hash = scheme.hash("right");

        assertThat(scheme.matches("wrong", hash)).isFalse();
        assertThat(scheme.matches("righ", hash)).isFalse();
    }

    @Test
    void two_hashes_of_one_secret_have_different_salts() {
        String a = scheme.hash("same").encoded();
        String b = scheme.hash("same").encoded();

        assertThat(a.substring(7, 29)).isNotEqualTo(b.substring(7, 29));
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2a", "2b", "2y"})
    void hashes_made_by_bouncy_castle_with_a_known_salt_verify(String version) {
        SecretHash hash = new SecretHash(OpenBSDBCrypt.generate(version, "imported".toCharArray(), KNOWN_SALT, 4));

        assertThat(hash.scheme()).isEqualTo(version);
        assertThat(scheme.matches("imported", hash)).isTrue();
        assertThat(scheme.matches("Imported", hash)).isFalse();
    }

    @Test
    void a_published_openbsd_vector_verifies() {
        // from the jBCrypt / OpenBSD test vectors: "abc", cost 6
        SecretHash hash = new SecretHash("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i");

        assertThat(scheme.matches("abc", hash)).isTrue();
        assertThat(scheme.matches("abd", hash)).isFalse();
    }

    @Test
    void our_hash_verifies_with_bouncy_castle_directly() {
        SecretHash hash = scheme.hash("pässwörd");

        assertThat(OpenBSDBCrypt.checkPassword(hash.encoded(), "pässwörd".toCharArray())).isTrue();
    }

    @Test
    void secrets_over_72_bytes_are_refused_rather_than_truncated() {
        String seventyTwo = "x".repeat(72);

        assertThat(scheme.matches(seventyTwo, scheme.hash(seventyTwo))).isTrue();
        assertThatThrownBy(() -> scheme.hash(seventyTwo + "y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheme.hash("é".repeat(37))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cost_is_configurable_and_bounded() {
        assertThat(new BcryptHashScheme(5).hash("s").encoded()).startsWith("$2b$05$");
        assertThatThrownBy(() -> new BcryptHashScheme(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcryptHashScheme(21)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_stored_cost_above_the_ceiling_is_refused_without_computing() {
        String ours = scheme.hash("s").encoded();
        SecretHash costly = new SecretHash("$2b$31$" + ours.substring(7));

        assertThat(scheme.matches("s", costly)).isFalse();
    }
}
