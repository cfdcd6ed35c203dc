package dev.portcullis.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * Operators' use case: rotate the shared signing key. The new key is published at once and signs
 * after the configured activation delay; every key that signed before is scheduled to retire once
 * every token it can have signed has expired.
 */
public interface RotateSigningKey {

    KeyRotation rotate();

    sealed interface KeyRotation {

        /**
         * @param created  the new key
         * @param retiring the keys whose retirement this rotation scheduled
         */
        record Rotated(SigningKeySummary created, List<SigningKeySummary> retiring) implements KeyRotation {
            public Rotated {
                Objects.requireNonNull(created, "created");
                retiring = List.copyOf(retiring);
            }
        }

        /** @param reason why keys of the configured kind cannot be rotated here (e.g. an operator-provided HS256 secret) */
        record NotRotatable(String reason) implements KeyRotation {
            public NotRotatable {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
