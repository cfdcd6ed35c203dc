package dev.portcullis.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The authorization endpoint's policy.
 *
 * @param codeTtl how long an authorization code may be redeemed (RFC 6749 §4.1.2: at most 10 minutes)
 */
public record AuthorizationSettings(Duration codeTtl) {

    public static final Duration DEFAULT_CODE_TTL = Duration.ofSeconds(60);
    public static final Duration MAX_CODE_TTL = Duration.ofMinutes(10);

    public AuthorizationSettings {
        Objects.requireNonNull(codeTtl, "codeTtl");
        if (codeTtl.isNegative() || codeTtl.isZero() || codeTtl.compareTo(MAX_CODE_TTL) > 0) {
            throw new IllegalArgumentException("an authorization code lives more than 0 s and at most 10 minutes");
        }
    }

    public static AuthorizationSettings defaults() {
        return new AuthorizationSettings(DEFAULT_CODE_TTL);
    }
}
