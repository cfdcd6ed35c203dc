package dev.portcullis.application.port.out.contract;

import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.time.Instant;
import java.util.Optional;

/** Signing keys for tests. Their JWKs are well-formed JSON but not real keys: stores treat them as opaque secrets. */
public final class Keys {

    private Keys() {}

    /** An ES256 key created and active at {@code activatesAt}, not scheduled to retire. */
    public static SigningKey es256(String kid, Instant activatesAt) {
        return new SigningKey(new KeyId(kid), SigningAlgorithm.ES256, jwk(kid, "EC"), activatesAt, activatesAt,
                Optional.empty());
    }

    /** A key with the given algorithm and lifecycle. */
    public static SigningKey key(String kid, SigningAlgorithm alg, Instant createdAt, Instant activatesAt,
            Optional<Instant> retiresAt) {
        return new SigningKey(new KeyId(kid), alg, jwk(kid, alg.isSymmetric() ? "oct" : "EC"), createdAt,
                activatesAt, retiresAt);
    }

    /** A key whose JWK is padded to about {@code bytes} characters, e.g. a 100 KB document. */
    public static SigningKey withLargeJwk(String kid, Instant activatesAt, int bytes) {
        String padding = Fixtures.repeat("QUJDREVGR0hJSktMTU5PUA", bytes);
        String jwk = "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + padding + "\",\"e\":\"AQAB\",\"d\":\"secret-d\"}";
        return new SigningKey(new KeyId(kid), SigningAlgorithm.RS256, jwk, activatesAt, activatesAt, Optional.empty());
    }

    /** A JWK-shaped JSON string whose private part is {@code "d":"<kid>-private-d-value"}. */
    public static String jwk(String kid, String kty) {
        return "{\"kty\":\"" + kty + "\",\"kid\":\"" + kid + "\",\"crv\":\"P-256\","
                + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\","
                + "\"d\":\"" + privatePart(kid) + "\"}";
    }

    /** The private value inside {@link #jwk}: what must never appear in a store in plaintext. */
    public static String privatePart(String kid) {
        return "jn4hyTwFbEvjJ2x1Vx3Wd0x6H0vXN_" + kid.replaceAll("[^A-Za-z0-9]", "_") + "_private";
    }
}
