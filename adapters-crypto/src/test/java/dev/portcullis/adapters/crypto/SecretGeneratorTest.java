package dev.portcullis.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

    private final SecretGenerator generator = new SecretGenerator(new SecureRandomSource());

    @Test
    void client_secrets_carry_256_bits_as_43_base64url_characters() {
        String secret = generator.newClientSecret();

        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
    }

    @Test
    void client_secrets_differ() {
        assertThat(generator.newClientSecret()).isNotEqualTo(generator.newClientSecret());
    }

    @Test
    void a_generated_secret_round_trips_through_the_client_secret_hasher() {
        var hasher = SecretHashers.forClientSecrets(Clock.systemUTC());
        String secret = generator.newClientSecret();

        assertThat(hasher.matches(secret, hasher.hash(secret))).isTrue();
        assertThat(hasher.matches(generator.newClientSecret(), hasher.hash(secret))).isFalse();
    }
}
