package dev.portcullis.application.port.in;

import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A signing key as operators see it: its lifecycle and where it stands at one instant, never its material. */
public record SigningKeySummary(KeyId id, SigningAlgorithm algorithm, Instant createdAt, Instant activatesAt,
                                Optional<Instant> retiresAt, Status status) {

    public enum Status {
        /** Published, not signing yet: resource servers are fetching it. */
        PENDING,
        /** The key tokens are signed with now. */
        SIGNING,
        /** Published and able to sign, but a newer key signs: it only verifies. */
        VERIFYING,
        /** Past its retirement: no longer published or accepted. */
        RETIRED
    }

    public SigningKeySummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatesAt, "activatesAt");
        Objects.requireNonNull(retiresAt, "retiresAt");
        Objects.requireNonNull(status, "status");
    }

    public static SigningKeySummary of(SigningKey key, Status status) {
        return new SigningKeySummary(key.id(), key.algorithm(), key.createdAt(), key.activatesAt(), key.retiresAt(), status);
    }
}
