package dev.portcullis.bootstrap.config;

import dev.portcullis.domain.grant.GrantType;
import io.helidon.config.Config;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic client registration (RFC 7591) at {@code /register}: off unless {@code registration.enabled}, and then only
 * for callers presenting the initial access token, which must be at least {@value #MIN_TOKEN_LENGTH} characters.
 *
 * @param initialAccessToken present exactly when registration is enabled
 * @param allowedGrantTypes  what a client may register itself for ({@code registration.allowed-grant-types})
 */
public record RegistrationSettings(Optional<String> initialAccessToken, Set<GrantType> allowedGrantTypes) {

    static final int MIN_TOKEN_LENGTH = 32;

    public RegistrationSettings {
        allowedGrantTypes = Set.copyOf(allowedGrantTypes);
    }

    public boolean enabled() {
        return initialAccessToken.isPresent();
    }

    @Override
    public String toString() {
        return "RegistrationSettings[" + (enabled() ? "enabled" : "disabled") + ", " + allowedGrantTypes + "]";
    }

    static RegistrationSettings from(Config config) {
        Set<GrantType> grants = grantTypes(config.get(ConfigKey.REGISTRATION_ALLOWED_GRANT_TYPES.key()).asString()
                .orElse(ConfigKey.REGISTRATION_ALLOWED_GRANT_TYPES.defaultValue()));
        String enabled = config.get(ConfigKey.REGISTRATION_ENABLED.key()).asString()
                .orElse(ConfigKey.REGISTRATION_ENABLED.defaultValue()).trim().toLowerCase(Locale.ROOT);
        if (enabled.equals("false")) {
            return new RegistrationSettings(Optional.empty(), grants);
        }
        if (!enabled.equals("true")) {
            throw new ConfigurationException(ConfigKey.REGISTRATION_ENABLED.key() + " must be true or false");
        }
        String token = config.get(ConfigKey.REGISTRATION_INITIAL_ACCESS_TOKEN.key()).asString().orElse("").trim();
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new ConfigurationException(ConfigKey.REGISTRATION_INITIAL_ACCESS_TOKEN.key() + " ("
                    + ConfigKey.REGISTRATION_INITIAL_ACCESS_TOKEN.environmentVariable() + ") must be at least " + MIN_TOKEN_LENGTH
                    + " characters when " + ConfigKey.REGISTRATION_ENABLED.key() + " is true (openssl rand -base64 32)");
        }
        return new RegistrationSettings(Optional.of(token), grants);
    }

    /** Space- or comma-separated grant type names; at least one, each known. */
    private static Set<GrantType> grantTypes(String value) {
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        for (String name : value.trim().split("[\\s,]+")) {
            if (name.isEmpty()) {
                continue;
            }
            grants.add(GrantType.fromWire(name).orElseThrow(() -> new ConfigurationException(
                    ConfigKey.REGISTRATION_ALLOWED_GRANT_TYPES.key() + ": unknown grant type '" + name
                            + "' (authorization_code, refresh_token, client_credentials, password)")));
        }
        if (grants.isEmpty()) {
            throw new ConfigurationException(ConfigKey.REGISTRATION_ALLOWED_GRANT_TYPES.key()
                    + " must name at least one grant type (or set " + ConfigKey.REGISTRATION_ENABLED.key() + " to false)");
        }
        return grants;
    }
}
