package dev.portcullis.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aKeyIsPublishedBeforeItSignsAndUntilItRetires() {
        SigningKey key = new SigningKey(new KeyId("k1"), SigningAlgorithm.ES256, "{\"kty\":\"EC\"}", T0,
                T0.plusSeconds(60), Optional.empty()).retiringAt(T0.plusSeconds(3600));
        assertThat(key.isPublishedAt(T0)).isTrue();
        assertThat(key.canSignAt(T0)).isFalse();
        assertThat(key.canSignAt(T0.plusSeconds(60))).isTrue();
        assertThat(key.canSignAt(T0.plusSeconds(3600))).isFalse();
        assertThat(key.isPublishedAt(T0.plusSeconds(3600))).isFalse();
    }

    @Test
    void neverPrintsKeyMaterialAndRefusesImpossibleLifecycles() {
        SigningKey key = new SigningKey(new KeyId("k1"), SigningAlgorithm.HS256, "{\"k\":\"SECRET\"}", T0, T0,
                Optional.empty());
        assertThat(key.toString()).doesNotContain("SECRET");
        assertThat(SigningAlgorithm.HS256.isSymmetric()).isTrue();
        assertThatThrownBy(() -> new SigningKey(new KeyId("k"), SigningAlgorithm.ES256, "{}", T0, T0.minusSeconds(1),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.retiringAt(T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
