package dev.portcullis.application.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-wide token policy.
 *
 * @param defaultAccessTokenTtl lifetime of access tokens whose client sets none (RESTHeart: 900 s)
 * @param defaultAudience       {@code aud} for clients that name none; empty means the issuer itself
 */
public record TokenSettings(Duration defaultAccessTokenTtl, Optional<String> defaultAudience) {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(900);

    public TokenSettings {
        Objects.requireNonNull(defaultAccessTokenTtl, "defaultAccessTokenTtl");
        Objects.requireNonNull(defaultAudience, "defaultAudience");
        if (defaultAccessTokenTtl.isNegative() || defaultAccessTokenTtl.isZero()) {
            throw new IllegalArgumentException("access token lifetime must be positive");
        }
    }

    public static TokenSettings defaults() {
        return new TokenSettings(DEFAULT_TTL, Optional.empty());
    }
}
