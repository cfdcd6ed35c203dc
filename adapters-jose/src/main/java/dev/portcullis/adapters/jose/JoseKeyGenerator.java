package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.portcullis.application.port.out.SigningKeyGenerator;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates signing keys: ES256 (P-256), RS256 (2048-bit RSA) and EdDSA (Ed25519) key pairs, whose
 * {@code kid} is their RFC 7638 thumbprint, so the same key always has the same id.
 *
 * <p>HS256 keys are never made up here: a shared secret is only useful when the resource servers
 * have it too, so it must come from the operator, via {@link #hs256}.
 */
public final class JoseKeyGenerator implements SigningKeyGenerator {

    private static final int RSA_BITS = 2048;

    /** 128 bits: an HS256 kid that cannot collide. */
    private static final int RANDOM_KID_BYTES = 16;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JoseKeyGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new key pair that signs from now on. */
    public SigningKey generate(SigningAlgorithm algorithm) {
        return generate(algorithm, clock.instant());
    }

    /**
     * A new key pair, created now and signing from {@code activatesAt}: give resource servers time
     * to fetch it from {@code /jwks} first (at least their JWKS cache time).
     *
     * @param activatesAt an instant already past means now (the caller read the clock a moment earlier)
     * @throws IllegalArgumentException for HS256 (see {@link #hs256})
     */
    @Override
    public SigningKey generate(SigningAlgorithm algorithm, Instant activatesAt) {
        JWKGenerator<? extends JWK> generator = switch (algorithm) {
            case ES256 -> new ECKeyGenerator(Curve.P_256);
            case RS256 -> new RSAKeyGenerator(RSA_BITS);
            case EdDSA -> new OctetKeyPairGenerator(Curve.Ed25519);
            case HS256 -> throw new IllegalArgumentException(
                    "HS256 keys are shared secrets and are not generated: provide one with hs256(sharedKey, …)");
        };
        try {
            JWK key = generator
                    .algorithm(JWSAlgorithm.parse(algorithm.name()))
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true)
                    .generate();
            Instant createdAt = clock.instant();
            return new SigningKey(new KeyId(key.getKeyID()), algorithm, key.toJSONString(), createdAt,
                    later(createdAt, activatesAt), Optional.empty());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    /**
     * Wraps an operator-provided shared secret as an HS256 key. Its kid is random, not a
     * thumbprint: the kid travels in every token header, and a hash of the secret has no place there.
     *
     * @param sharedKey at least 32 bytes (256 bits, RFC 7518 §3.2) of real randomness; it is copied
     * @param activatesAt an instant already past means now
     * @throws IllegalArgumentException when the key is shorter than 32 bytes
     */
    public SigningKey hs256(byte[] sharedKey, Instant activatesAt) {
        Objects.requireNonNull(sharedKey, "sharedKey");
        if (sharedKey.length < JwkRules.MIN_HMAC_KEY_BYTES) {
            throw new IllegalArgumentException("an HS256 key needs at least " + JwkRules.MIN_HMAC_KEY_BYTES
                    + " bytes (256 bits), got " + sharedKey.length);
        }
        byte[] kidBytes = new byte[RANDOM_KID_BYTES];
        random.nextBytes(kidBytes);
        String kid = Base64URL.encode(kidBytes).toString();
        byte[] copy = Arrays.copyOf(sharedKey, sharedKey.length);
        OctetSequenceKey key = new OctetSequenceKey.Builder(copy)
                .keyID(kid)
                .algorithm(JWSAlgorithm.HS256)
                .keyUse(KeyUse.SIGNATURE)
                .build();
        Instant createdAt = clock.instant();
        return new SigningKey(new KeyId(kid), SigningAlgorithm.HS256, key.toJSONString(), createdAt,
                later(createdAt, activatesAt), Optional.empty());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
