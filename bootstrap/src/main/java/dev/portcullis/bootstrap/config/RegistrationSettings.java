package dev.portcullis.bootstrap.config;

import io.helidon.config.Config;
import java.util.Locale;
import java.util.Optional;

/**
 * Dynamic client registration (RFC 7591) at {@code /register}: off unless {@code registration.enabled}, and then only
 * for callers presenting the initial access token, which must be at least {@value #MIN_TOKEN_LENGTH} characters.
 *
 * @param initialAccessToken present exactly when registration is enabled
 */
public record RegistrationSettings(Optional<String> initialAccessToken) {

    static final int MIN_TOKEN_LENGTH = 32;

    public boolean enabled() {
        return initialAccessToken.isPresent();
    }

    @Override
    public String toString() {
        return "RegistrationSettings[" + (enabled() ? "enabled" : "disabled") + "]";
    }

    static RegistrationSettings from(Config config) {
        String enabled = config.get(ConfigKey.REGISTRATION_ENABLED.key()).asString()
                .orElse(ConfigKey.REGISTRATION_ENABLED.defaultValue()).trim().toLowerCase(Locale.ROOT);
        if (enabled.equals("false")) {
            return new RegistrationSettings(Optional.empty());
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
        return new RegistrationSettings(Optional.of(token));
    }
}
