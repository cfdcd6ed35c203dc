package dev.portcullis.application.port.out;

import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.time.Instant;

/** Makes new signing keys (key pairs) for rotation. */
public interface SigningKeyGenerator {

    /**
     * A new key, created now and signing from {@code activatesAt}.
     *
     * @throws IllegalArgumentException for an algorithm whose keys are not generated (HS256: a shared secret
     *                                  must come from the operator)
     */
    SigningKey generate(SigningAlgorithm algorithm, Instant activatesAt);
}
