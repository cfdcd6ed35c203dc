package dev.portcullis.domain.refresh;

/** What one attempt to rotate a refresh token found. */
public sealed interface Rotation {

    /** This caller won: the presented token is now rotated and its successor stored. */
    record Rotated(RefreshToken previous) implements Rotation {}

    /** The token was already rotated or revoked: reuse, so its whole family must be revoked. */
    record Reused(RefreshToken previous) implements Rotation {}

    /** No such token, or it expired. */
    record Unknown() implements Rotation {}
}
