package dev.portcullis.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecureRandomSourceTest {

    private final SecureRandomSource random = new SecureRandomSource();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 16, 32, 33, 1024})
    void yields_the_requested_number_of_bytes_as_unpadded_base64url(int bytes) {
        String token = random.nextToken(bytes);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(token.length()).isEqualTo((bytes * 4 + 2) / 3);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(bytes);
    }

    @Test
    void values_differ() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(random.nextToken(16));
        }

        assertThat(seen).hasSize(10_000);
    }

    @Test
    void every_byte_value_appears_in_8_kib() {
        // a stuck or badly biased generator fails this; a uniform one misses a value with probability ~1e-12
        Set<Byte> values = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            for (byte b : Base64.getUrlDecoder().decode(random.nextToken(1024))) {
                values.add(b);
            }
        }

        assertThat(values).hasSize(256);
    }

    @Test
    void refuses_nonsense_lengths() {
        assertThatThrownBy(() -> random.nextToken(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> random.nextToken(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> random.nextToken(1025)).isInstanceOf(IllegalArgumentException.class);
    }
}
