package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Signing keys for tests, and tokens signed outside the code under test (with plain Nimbus). */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {}

    /** A new key of the algorithm, created and active at {@code activatesAt}. */
    static SigningKey key(SigningAlgorithm algorithm, Instant activatesAt) {
        return key(algorithm, activatesAt, activatesAt);
    }

    /** A new key of the algorithm, published from {@code createdAt}, signing from {@code activatesAt}. */
    static SigningKey key(SigningAlgorithm algorithm, Instant createdAt, Instant activatesAt) {
        JoseKeyGenerator generator = new JoseKeyGenerator(Clock.fixed(createdAt, ZoneOffset.UTC));
        if (algorithm == SigningAlgorithm.HS256) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            return generator.hs256(secret, activatesAt);
        }
        return generator.generate(algorithm, activatesAt);
    }

    static JWK jwk(SigningKey key) {
        try {
            return JWK.parse(key.privateJwk());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** The header our signer writes, for building variations of it. */
    static JWSHeader.Builder accessTokenHeader(SigningKey key) {
        return new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm().name()))
                .type(new JOSEObjectType("at+jwt"))
                .keyID(key.id().value());
    }

    /** Signs with plain Nimbus: whatever header and claims the test wants. */
    static String sign(SigningKey key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(nimbusSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    private static JWSSigner nimbusSigner(SigningKey key) throws JOSEException {
        JWK jwk = jwk(key);
        return switch (key.algorithm()) {
            case ES256 -> new ECDSASigner(jwk.toECKey());
            case RS256 -> new RSASSASigner(jwk.toRSAKey());
            case EdDSA -> new Ed25519Signer(jwk.toOctetKeyPair());
            case HS256 -> new MACSigner(jwk.toOctetSequenceKey());
        };
    }
}
