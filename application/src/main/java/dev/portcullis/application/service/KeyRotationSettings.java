package dev.portcullis.application.service;

import dev.portcullis.domain.key.SigningAlgorithm;
import java.time.Duration;
import java.util.Objects;

/**
 * How signing keys are rotated.
 *
 * @param algorithm             what new keys are made for (the configured signing algorithm)
 * @param activationDelay       how long a new key is published before it signs: at least as long as resource
 *                              servers cache the JWKS, plus the time nodes take to re-read the key store
 * @param defaultAccessTokenTtl the server-wide access-token lifetime (clients may set longer ones)
 * @param retirementGrace       added to a retiring key's last token lifetime: the verifiers' clock skew plus
 *                              how long another node may keep signing with it before it sees the new key
 */
public record KeyRotationSettings(SigningAlgorithm algorithm, Duration activationDelay, Duration defaultAccessTokenTtl,
                                  Duration retirementGrace) {

    public KeyRotationSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(activationDelay, "activationDelay");
        Objects.requireNonNull(defaultAccessTokenTtl, "defaultAccessTokenTtl");
        Objects.requireNonNull(retirementGrace, "retirementGrace");
        if (activationDelay.isNegative() || retirementGrace.isNegative()) {
            throw new IllegalArgumentException("activation delay and retirement grace must not be negative");
        }
        if (defaultAccessTokenTtl.isNegative() || defaultAccessTokenTtl.isZero()) {
            throw new IllegalArgumentException("access token lifetime must be positive");
        }
    }
}
