package dev.portcullis.bootstrap.config;

import dev.portcullis.application.service.IntrospectionPolicy;
import dev.portcullis.domain.scope.ScopeSet;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.Locale;

/**
 * Revocation, introspection and key rotation settings.
 *
 * @param introspectionScope       what a bearer caller of /introspect needs, and what a client must be allowed to
 *                                 introspect other clients' tokens
 * @param introspectionPolicy      which tokens an authenticated client may introspect
 * @param adminScope               what a bearer caller of the admin routes needs
 * @param keyActivationDelay       how long a rotated key is published before it signs (may be zero)
 * @param revocationResyncInterval how often a node's revocation near-cache is compared with Redis
 */
public record LifecycleSettings(ScopeSet introspectionScope, IntrospectionPolicy introspectionPolicy, ScopeSet adminScope,
                                Duration keyActivationDelay, Duration revocationResyncInterval) {

    static LifecycleSettings from(Config config) {
        Duration delay = duration(config, ConfigKey.KEYS_ACTIVATION_DELAY);
        if (delay.isNegative()) {
            throw new ConfigurationException(ConfigKey.KEYS_ACTIVATION_DELAY.key() + " must not be negative");
        }
        Duration resync = duration(config, ConfigKey.REVOCATION_RESYNC_INTERVAL);
        if (resync.isNegative() || resync.isZero()) {
            throw new ConfigurationException(ConfigKey.REVOCATION_RESYNC_INTERVAL.key() + " must be positive");
        }
        return new LifecycleSettings(scope(config, ConfigKey.INTROSPECTION_SCOPE), introspectionPolicy(config),
                scope(config, ConfigKey.ADMIN_SCOPE), delay, resync);
    }

    private static IntrospectionPolicy introspectionPolicy(Config config) {
        String value = text(config, ConfigKey.INTROSPECTION_POLICY).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "own-or-audience" -> IntrospectionPolicy.OWN_OR_AUDIENCE;
            case "any-client" -> IntrospectionPolicy.ANY_CLIENT;
            default -> throw new ConfigurationException(ConfigKey.INTROSPECTION_POLICY.key()
                    + " must be own-or-audience or any-client, not '" + value + "'");
        };
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
