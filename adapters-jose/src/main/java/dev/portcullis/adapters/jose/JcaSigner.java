package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * JWS signing (ES256, RS256, EdDSA) through JCA {@link Signature} objects that are initialised with the key once, then
 * kept and reused, one per signing thread at a time. Nimbus' signers look up a new {@code Signature} for every token
 * (a provider lookup, and for a native provider a new native context), which measured 3–30 % of an ES256 signature
 * with ACCP; and Nimbus' own EdDSA signer always uses Tink (~4k signatures/s here, against 40–60k/s for ACCP's JCA
 * {@code Ed25519}).
 * ECDSA signatures come out of JCA DER-encoded and are transcoded to JWS' fixed-length R‖S (RFC 7518 §3.4);
 * RSA PKCS#1 v1.5 and Ed25519 (RFC 8037 §3.1) signatures are already what JWS wants.
 */
final class JcaSigner implements JWSSigner {

    /** More idle objects than signing threads are never needed; beyond this they are left to the collector. */
    private static final int MAX_IDLE = 64;
    /** DER prefix of a PKCS#8 Ed25519 private key (RFC 8410 §7); the 32-byte seed follows. */
    private static final byte[] ED25519_PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };

    private final JWSAlgorithm algorithm;
    private final String jcaAlgorithm;
    private final PrivateKey privateKey;
    private final Optional<Provider> provider;
    private final BlockingQueue<Signature> idle = new ArrayBlockingQueue<>(MAX_IDLE);
    private final JCAContext jca = new JCAContext();

    private JcaSigner(JWSAlgorithm algorithm, String jcaAlgorithm, PrivateKey privateKey, Optional<Provider> provider) {
        this.algorithm = algorithm;
        this.jcaAlgorithm = jcaAlgorithm;
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.provider = provider;
        provider.ifPresent(jca::setProvider);
    }

    static JcaSigner es256(PrivateKey key, Optional<Provider> provider) {
        return new JcaSigner(JWSAlgorithm.ES256, "SHA256withECDSA", key, provider);
    }

    static JcaSigner rs256(PrivateKey key, Optional<Provider> provider) {
        return new JcaSigner(JWSAlgorithm.RS256, "SHA256withRSA", key, provider);
    }

    static JcaSigner ed25519(OctetKeyPair key, Optional<Provider> provider) throws JOSEException {
        if (!Curve.Ed25519.equals(key.getCurve()) || !key.isPrivate()) {
            throw new JOSEException("an Ed25519 private key is required");
        }
        return new JcaSigner(JWSAlgorithm.EdDSA, "Ed25519", ed25519PrivateKey(key.getDecodedD()), provider);
    }

    private static PrivateKey ed25519PrivateKey(byte[] seed) throws JOSEException {
        if (seed.length != 32) {
            throw new JOSEException("an Ed25519 private key has 32 bytes");
        }
        byte[] der = new byte[ED25519_PKCS8_PREFIX.length + 32];
        System.arraycopy(ED25519_PKCS8_PREFIX, 0, der, 0, ED25519_PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, der, ED25519_PKCS8_PREFIX.length, 32);
        try {
            // The JDK's key object: ACCP signs with it but offers no Ed25519 KeyFactory itself.
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("cannot load the Ed25519 private key", e);
        }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("this signer signs " + algorithm + " only, not " + header.getAlgorithm());
        }
        try {
            Signature signature = idle.poll();
            if (signature == null) {
                signature = provider.isPresent() ? Signature.getInstance(jcaAlgorithm, provider.get())
                        : Signature.getInstance(jcaAlgorithm);
                // once: sign() resets a Signature to the state of its last initSign, ready for the next token
                signature.initSign(privateKey);
            }
            signature.update(signingInput);
            byte[] signed = signature.sign();
            idle.offer(signature); // only after a clean signature: a failed one may be left in any state
            return Base64URL.encode(algorithm.equals(JWSAlgorithm.ES256) ? ECDSA.transcodeSignatureToConcat(signed, 64) : signed);
        } catch (GeneralSecurityException e) {
            throw new JOSEException(algorithm + " signing failed", e);
        }
    }

    /** The key it signs with: a provider's own key object when the provider could make one. */
    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}
