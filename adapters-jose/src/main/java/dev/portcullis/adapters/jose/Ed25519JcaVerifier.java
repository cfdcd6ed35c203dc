package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) JWS verification through JCA: the counterpart of {@link JcaSigner}.
 * Critical header parameters are refused by {@link JoseTokenVerifier} before any verifier runs.
 */
final class Ed25519JcaVerifier implements JWSVerifier {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410 §4); the 32-byte point follows. */
    private static final byte[] SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private static final int SIGNATURE_BYTES = 64;

    private final PublicKey publicKey;
    private final JCAContext jca = new JCAContext();

    Ed25519JcaVerifier(OctetKeyPair key) throws JOSEException {
        if (!Curve.Ed25519.equals(key.getCurve())) {
            throw new JOSEException("an Ed25519 public key is required");
        }
        byte[] x = key.getDecodedX();
        if (x.length != 32) {
            throw new JOSEException("an Ed25519 public key has 32 bytes");
        }
        byte[] der = new byte[SPKI_PREFIX.length + 32];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(x, 0, der, SPKI_PREFIX.length, 32);
        try {
            this.publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("cannot load the Ed25519 public key", e);
        }
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            return false;
        }
        byte[] raw = signature.decode();
        if (raw.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Provider provider = jca.getProvider();
            Signature verifier = provider == null ? Signature.getInstance("Ed25519")
                    : Signature.getInstance("Ed25519", provider);
            verifier.initVerify(publicKey);
            verifier.update(signingInput);
            return verifier.verify(raw);
        } catch (java.security.SignatureException e) {
            return false; // a malformed signature is a bad signature, not a failure
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 verification failed", e);
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}
