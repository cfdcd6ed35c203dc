package dev.portcullis.domain.key;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signing key and its lifecycle. It is published from creation, signs from {@code activatesAt}
 * (so resource servers can fetch it first), and is dropped once {@code retiresAt} has passed.
 *
 * @param privateJwk the full key as a JSON Web Key (RFC 7517), private parts included: secret
 */
public record SigningKey(
        KeyId id,
        SigningAlgorithm algorithm,
        String privateJwk,
        Instant createdAt,
        Instant activatesAt,
        Optional<Instant> retiresAt) {

    public SigningKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatesAt, "activatesAt");
        Objects.requireNonNull(retiresAt, "retiresAt");
        if (privateJwk == null || privateJwk.isBlank()) {
            throw new IllegalArgumentException("a signing key needs its key material");
        }
        if (activatesAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a key cannot activate before it exists");
        }
        if (retiresAt.filter(r -> !r.isAfter(activatesAt)).isPresent()) {
            throw new IllegalArgumentException("a key must retire after it activates");
        }
    }

    public boolean canSignAt(Instant now) {
        return !now.isBefore(activatesAt) && retiresAt.map(now::isBefore).orElse(true);
    }

    public boolean isPublishedAt(Instant now) {
        return retiresAt.map(now::isBefore).orElse(true);
    }

    public SigningKey retiringAt(Instant when) {
        return new SigningKey(id, algorithm, privateJwk, createdAt, activatesAt, Optional.of(when));
    }

    /** Never prints the key material. */
    @Override
    public String toString() {
        return "SigningKey[" + id + ", " + algorithm + ", activates " + activatesAt
                + retiresAt.map(r -> ", retires " + r).orElse("") + "]";
    }
}
