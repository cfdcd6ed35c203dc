package dev.portcullis.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void defaultsAreThePortcullisPrefixAndTwoSeconds() {
        RedisSettings settings = RedisSettings.of("redis://localhost:6379");

        assertThat(settings.keyPrefix()).isEqualTo("portcullis:");
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void standaloneTlsAndSentinelUrisAreAccepted() {
        for (String uri : new String[] {"redis://h:6379/0", "rediss://user:pw@h:6380", "redis-sentinel://pw@s1:26379,s2:26379/0#mymaster"}) {
            assertThat(RedisSettings.of(uri).uri()).isEqualTo(uri);
        }
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> RedisSettings.of("http://h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.of("redis://h").withKeyPrefix("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.of("redis://h").withCommandTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePasswordNeverShows() {
        assertThat(RedisSettings.of("rediss://user:s3cret@h:6380/0").toString()).doesNotContain("s3cret").contains("h:6380");
        assertThat(RedisSettings.of("redis-sentinel://s3cret@s1:26379#m").toString()).doesNotContain("s3cret");
    }
}
