package dev.portcullis.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of refresh tokens (OAuth 2.1 §4.3, RFC 9700 §4.14.2).
 *
 * @param idleTtl     how long each refresh token stays usable: a client that does not refresh within
 *                    it must start over; every rotation starts a new idle period
 * @param absoluteTtl how long a family (a grant and all its rotations) lives at most, counted from
 *                    the grant: no rotation extends past it
 */
public record RefreshTokenSettings(Duration idleTtl, Duration absoluteTtl) {

    public static final Duration DEFAULT_IDLE_TTL = Duration.ofDays(1);
    public static final Duration DEFAULT_ABSOLUTE_TTL = Duration.ofDays(30);

    public RefreshTokenSettings {
        Objects.requireNonNull(idleTtl, "idleTtl");
        Objects.requireNonNull(absoluteTtl, "absoluteTtl");
        if (idleTtl.isNegative() || idleTtl.isZero() || absoluteTtl.isNegative() || absoluteTtl.isZero()) {
            throw new IllegalArgumentException("refresh token lifetimes must be positive");
        }
    }

    public static RefreshTokenSettings defaults() {
        return new RefreshTokenSettings(DEFAULT_IDLE_TTL, DEFAULT_ABSOLUTE_TTL);
    }
}
