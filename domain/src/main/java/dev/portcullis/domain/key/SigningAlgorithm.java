package dev.portcullis.domain.key;

import java.util.Arrays;
import java.util.Optional;

/** The JWS algorithms Portcullis signs access tokens with (RFC 7518, RFC 8037). */
public enum SigningAlgorithm {
    ES256(false),
    RS256(false),
    EdDSA(false),
    /** A shared secret: verifiers need the same key, so it is never published. */
    HS256(true);

    private final boolean symmetric;

    SigningAlgorithm(boolean symmetric) {
        this.symmetric = symmetric;
    }

    public boolean isSymmetric() {
        return symmetric;
    }

    public static Optional<SigningAlgorithm> fromName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }
}
