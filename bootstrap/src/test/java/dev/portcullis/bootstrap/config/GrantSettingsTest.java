package dev.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The refresh-token lifetimes and the password hashing cost. */
class GrantSettingsTest {

    private static Settings settings(Map<String, String> environment) {
        return Settings.from(ConfigLoader.load(environment, Optional.empty()));
    }

    @Test
    void defaults() {
        Settings settings = settings(Map.of());

        assertThat(settings.refreshTokens().idleTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.refreshTokens().absoluteTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.users().bcryptCost()).isEqualTo(12);
    }

    @Test
    void fromTheEnvironment() {
        Settings settings = settings(Map.of("REFRESH_TOKEN_IDLE_TTL", "12h", "REFRESH_TOKEN_ABSOLUTE_TTL", "P7D",
                "USERS_BCRYPT_COST", "10"));

        assertThat(settings.refreshTokens().idleTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.refreshTokens().absoluteTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.users().bcryptCost()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "21", "ten", "", "12.5"})
    void aBcryptCostOutsideFourToTwentyIsRefusedByName(String cost) {
        assertThatThrownBy(() -> settings(Map.of("USERS_BCRYPT_COST", cost)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("users.bcrypt-cost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFRESH_TOKEN_IDLE_TTL", "REFRESH_TOKEN_ABSOLUTE_TTL"})
    void aZeroOrMalformedLifetimeIsRefusedByName(String variable) {
        String key = variable.equals("REFRESH_TOKEN_IDLE_TTL") ? "refresh-token.idle-ttl" : "refresh-token.absolute-ttl";
        assertThatThrownBy(() -> settings(Map.of(variable, "0s"))).isInstanceOf(ConfigurationException.class).hasMessageContaining(key);
        assertThatThrownBy(() -> settings(Map.of(variable, "soon"))).isInstanceOf(ConfigurationException.class).hasMessageContaining(key);
    }
}
