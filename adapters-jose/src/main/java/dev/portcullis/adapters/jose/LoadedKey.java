package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One signing key, parsed once and ready for the hot path: its JWS signer and verifier bound to
 * the active provider, its JWS header already encoded, and its public JWK (none for HS256).
 *
 * @param headerBase64 the encoded protected header: it is the same for every token of this key
 * @param publicJwk the published form (kid, alg, use, public parameters only); empty for secrets
 */
record LoadedKey(
        SigningKey key,
        JWSHeader header,
        byte[] headerBase64,
        JWSSigner signer,
        JWSVerifier verifier,
        Optional<Map<String, Object>> publicJwk) {

    /** RFC 9068 §2.1: access tokens say what they are, so they cannot be mistaken for ID tokens. */
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    /** Parses and checks the key; throws {@link IllegalArgumentException} naming what is wrong (never the material). */
    static LoadedKey load(SigningKey key, CryptoProviders crypto) {
        JWK jwk;
        try {
            jwk = JWK.parse(key.privateJwk());
        } catch (ParseException e) {
            throw new IllegalArgumentException("key " + key.id() + " is not a valid JWK: " + e.getMessage());
        }
        if (jwk.getKeyID() != null && !jwk.getKeyID().equals(key.id().value())) {
            throw new IllegalArgumentException("key " + key.id() + " holds a JWK whose kid is " + jwk.getKeyID());
        }
        try {
            JwkRules.requireSigningKey(jwk, key.algorithm());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key " + key.id() + ": " + e.getMessage());
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.algorithm().name());
        JWSHeader header = new JWSHeader.Builder(algorithm)
                .type(ACCESS_TOKEN_TYPE)
                .keyID(key.id().value())
                .build();
        try {
            Optional<Provider> provider = crypto.provider();
            JWSSigner signer = signerFor(jwk, key.algorithm(), provider);
            JWSVerifier verifier = verifierFor(jwk, key.algorithm(), provider);
            provider.ifPresent(p -> {
                signer.getJCAContext().setProvider(p);
                verifier.getJCAContext().setProvider(p);
            });
            requireMatchingHalves(key, header, signer, verifier);
            return new LoadedKey(key, header,
                    header.toBase64URL().toString().getBytes(StandardCharsets.US_ASCII),
                    signer, verifier, publicJwkOf(jwk, key));
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalArgumentException("key " + key.id() + " cannot be used: " + e.getMessage());
        }
    }

    /** The same parsed key, with lifecycle dates that changed in the store (e.g. a retirement was scheduled). */
    LoadedKey withKey(SigningKey updated) {
        return new LoadedKey(updated, header, headerBase64, signer, verifier, publicJwk);
    }

    /** Whether {@code other} carries the same key material, so this parse can be reused. */
    boolean sameMaterialAs(SigningKey other) {
        return key.algorithm() == other.algorithm() && key.privateJwk().equals(other.privateJwk());
    }

    /**
     * Signs a probe and verifies it: a hand-edited JWK whose public part does not belong to its
     * private part would otherwise sign tokens that nobody can verify.
     */
    private static void requireMatchingHalves(SigningKey key, JWSHeader header, JWSSigner signer, JWSVerifier verifier)
            throws JOSEException {
        byte[] probe = "portcullis key self-test".getBytes(StandardCharsets.US_ASCII);
        if (!verifier.verify(header, probe, signer.sign(header, probe))) {
            throw new IllegalArgumentException("key " + key.id() + ": its public part does not match its private part");
        }
    }

    private static JWSSigner signerFor(JWK jwk, SigningAlgorithm algorithm, Optional<Provider> provider)
            throws JOSEException, GeneralSecurityException {
        return switch (algorithm) {
            case ES256 -> JcaSigner.es256(
                    asProviderKey(jwk.toECKey().toECPrivateKey(), ECPrivateKey.class, "EC", provider), provider);
            case RS256 -> JcaSigner.rs256(
                    asProviderKey(jwk.toRSAKey().toRSAPrivateKey(), RSAPrivateKey.class, "RSA", provider), provider);
            // Measured in one run: JDK 0.7k, Tink 4.4k, ACCP 44k Ed25519 signatures/s: Tink is the fallback.
            case EdDSA -> provider.isPresent()
                    ? JcaSigner.ed25519(jwk.toOctetKeyPair(), provider)
                    : new Ed25519Signer(jwk.toOctetKeyPair());
            case HS256 -> new MACSigner(jwk.toOctetSequenceKey());
        };
    }

    private static JWSVerifier verifierFor(JWK jwk, SigningAlgorithm algorithm, Optional<Provider> provider)
            throws JOSEException, GeneralSecurityException {
        return switch (algorithm) {
            case ES256 -> new ECDSAVerifier(
                    asProviderKey(jwk.toECKey().toECPublicKey(), ECPublicKey.class, "EC", provider));
            case RS256 -> new RSASSAVerifier(
                    asProviderKey(jwk.toRSAKey().toRSAPublicKey(), RSAPublicKey.class, "RSA", provider));
            case EdDSA -> provider.isPresent()
                    ? new Ed25519JcaVerifier(jwk.toOctetKeyPair().toPublicJWK())
                    : new Ed25519Verifier(jwk.toOctetKeyPair().toPublicJWK());
            case HS256 -> new MACVerifier(jwk.toOctetSequenceKey());
        };
    }

    /**
     * The key as the provider's own object, when the provider can make one of the same kind.
     * Measured: ACCP signs ES256 at ~30k/s with a JDK key object (it converts the key on every
     * call) and ~48k/s with its own; RS256 1.4k/s vs 3.6k/s.
     */
    private static <K extends Key> K asProviderKey(K key, Class<K> kind, String algorithm, Optional<Provider> provider)
            throws GeneralSecurityException {
        if (provider.isEmpty()) {
            return key;
        }
        Key translated = KeyFactory.getInstance(algorithm, provider.get()).translateKey(key);
        return kind.isInstance(translated) ? kind.cast(translated) : key;
    }

    /** Rebuilt from the public parameters only, so nothing private or incidental can leak into /jwks. */
    private static Optional<Map<String, Object>> publicJwkOf(JWK jwk, SigningKey key) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.algorithm().name());
        String kid = key.id().value();
        JWK published = switch (key.algorithm()) {
            case ES256 -> {
                ECKey ec = jwk.toECKey();
                yield new ECKey.Builder(ec.getCurve(), ec.getX(), ec.getY())
                        .keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
            }
            case RS256 -> {
                RSAKey rsa = jwk.toRSAKey();
                yield new RSAKey.Builder(rsa.getModulus(), rsa.getPublicExponent())
                        .keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
            }
            case EdDSA -> {
                OctetKeyPair okp = jwk.toOctetKeyPair();
                yield new OctetKeyPair.Builder(okp.getCurve(), okp.getX())
                        .keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
            }
            // A shared secret: whoever could fetch it could mint tokens.
            case HS256 -> null;
        };
        if (published == null) {
            return Optional.empty();
        }
        if (published.isPrivate()) {
            throw new IllegalStateException("a public JWK came out private: refusing to publish key " + kid);
        }
        return Optional.of(Collections.unmodifiableMap(new LinkedHashMap<>(published.toJSONObject())));
    }

    @Override
    public String toString() {
        return "LoadedKey[" + key + "]";
    }
}
