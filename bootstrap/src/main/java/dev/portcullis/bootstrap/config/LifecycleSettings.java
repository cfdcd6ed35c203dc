package dev.portcullis.bootstrap.config;

import dev.portcullis.domain.scope.ScopeSet;
import io.helidon.config.Config;
import java.time.Duration;

/**
 * Revocation, introspection and key rotation settings.
 *
 * @param introspectionScope       what a bearer caller of /introspect needs
 * @param adminScope               what a bearer caller of the admin routes needs
 * @param keyActivationDelay       how long a rotated key is published before it signs (may be zero)
 * @param revocationResyncInterval how often a node's revocation near-cache is compared with Redis
 */
public record LifecycleSettings(ScopeSet introspectionScope, ScopeSet adminScope, Duration keyActivationDelay,
                                Duration revocationResyncInterval) {

    static LifecycleSettings from(Config config) {
        Duration delay = duration(config, ConfigKey.KEYS_ACTIVATION_DELAY);
        if (delay.isNegative()) {
            throw new ConfigurationException(ConfigKey.KEYS_ACTIVATION_DELAY.key() + " must not be negative");
        }
        Duration resync = duration(config, ConfigKey.REVOCATION_RESYNC_INTERVAL);
        if (resync.isNegative() || resync.isZero()) {
            throw new ConfigurationException(ConfigKey.REVOCATION_RESYNC_INTERVAL.key() + " must be positive");
        }
        return new LifecycleSettings(scope(config, ConfigKey.INTROSPECTION_SCOPE), scope(config, ConfigKey.ADMIN_SCOPE),
                delay, resync);
    }

    private static ScopeSet scope(Config config, ConfigKey key) {
        return ScopeSet.parse(text(config, key).trim()).filter(s -> !s.isEmpty()).orElseThrow(() ->
                new ConfigurationException(key.key() + " must be one or more space-delimited scopes"));
    }

    private static Duration duration(Config config, ConfigKey key) {
        return Durations.parse(key.key(), text(config, key));
    }

    private static String text(Config config, ConfigKey key) {
        return config.get(key.key()).asString().orElse(key.defaultValue());
    }
}
