package dev.portcullis.adapters.jose;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.domain.key.SigningAlgorithm;

/**
 * What makes a JWK fit to sign access tokens with a given algorithm. One place, so that keys from
 * the key store and keys from a deployment file are held to the same rules. Failures are
 * {@link IllegalArgumentException}s whose messages describe the key's shape, never its material.
 */
final class JwkRules {

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
    static final int MIN_HMAC_KEY_BYTES = 32;

    /** Below 2048 bits RSA is considered breakable (NIST SP 800-131A); Nimbus refuses it too. */
    static final int MIN_RSA_BITS = 2048;

    private JwkRules() {}

    /** The algorithm a JWK names in {@code alg}, or the one its key type implies. */
    static SigningAlgorithm algorithmOf(JWK jwk) {
        Algorithm named = jwk.getAlgorithm();
        if (named != null) {
            return SigningAlgorithm.fromName(named.getName())
                    .filter(a -> a.name().equals(named.getName()))
                    .orElseThrow(() -> new IllegalArgumentException("alg " + named.getName()
                            + " is not supported; use one of ES256, RS256, EdDSA, HS256"));
        }
        if (jwk instanceof ECKey) {
            return SigningAlgorithm.ES256;
        }
        if (jwk instanceof RSAKey) {
            return SigningAlgorithm.RS256;
        }
        if (jwk instanceof OctetKeyPair) {
            return SigningAlgorithm.EdDSA;
        }
        if (jwk instanceof OctetSequenceKey) {
            return SigningAlgorithm.HS256;
        }
        throw new IllegalArgumentException("key type " + jwk.getKeyType() + " is not supported");
    }

    /** Throws unless {@code jwk} holds the private (or secret) material to sign with {@code algorithm}. */
    static void requireSigningKey(JWK jwk, SigningAlgorithm algorithm) {
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().getName().equals(algorithm.name())) {
            throw new IllegalArgumentException("the JWK says alg " + jwk.getAlgorithm().getName() + ", the key is for "
                    + algorithm);
        }
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            throw new IllegalArgumentException("the JWK says use " + jwk.getKeyUse().identifier() + ", not sig");
        }
        switch (algorithm) {
            case ES256 -> {
                if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalArgumentException(describe(jwk) + " cannot sign ES256, which needs an EC key on P-256");
                }
            }
            case RS256 -> {
                if (!(jwk instanceof RSAKey)) {
                    throw new IllegalArgumentException(describe(jwk) + " cannot sign RS256, which needs an RSA key");
                }
                if (jwk.size() < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("the RSA key has " + jwk.size() + " bits; RS256 needs at least "
                            + MIN_RSA_BITS);
                }
            }
            case EdDSA -> {
                if (!(jwk instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
                    throw new IllegalArgumentException(describe(jwk) + " cannot sign EdDSA, which needs an OKP key on Ed25519");
                }
            }
            case HS256 -> {
                if (!(jwk instanceof OctetSequenceKey)) {
                    throw new IllegalArgumentException(describe(jwk) + " cannot sign HS256, which needs an oct key");
                }
                if (jwk.size() < MIN_HMAC_KEY_BYTES * 8) {
                    throw new IllegalArgumentException("the oct key has " + jwk.size() + " bits; HS256 needs at least "
                            + MIN_HMAC_KEY_BYTES * 8);
                }
            }
        }
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("the JWK has no private part: a public key cannot sign");
        }
    }

    private static String describe(JWK jwk) {
        String curve = switch (jwk) {
            case ECKey ec -> " on " + ec.getCurve();
            case OctetKeyPair okp -> " on " + okp.getCurve();
            default -> "";
        };
        return "a " + jwk.getKeyType() + " key" + curve;
    }
}
