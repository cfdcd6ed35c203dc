package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
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
import java.util.Set;

/**
 * EdDSA (Ed25519) JWS signing through JCA, so that a native provider can do it. Nimbus' own
 * {@code Ed25519Signer} always uses Tink (about 4k signatures/s here); ACCP's JCA {@code Ed25519}
 * does about 40–60k/s. The JWS signature is the raw 64-byte Ed25519 signature (RFC 8037 §3.1),
 * which is exactly what JCA returns.
 */
final class Ed25519JcaSigner implements JWSSigner {

    /** DER prefix of a PKCS#8 Ed25519 private key (RFC 8410 §7); the 32-byte seed follows. */
    private static final byte[] PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };

    private final PrivateKey privateKey;
    private final JCAContext jca = new JCAContext();

    Ed25519JcaSigner(OctetKeyPair key) throws JOSEException {
        if (!Curve.Ed25519.equals(key.getCurve()) || !key.isPrivate()) {
            throw new JOSEException("an Ed25519 private key is required");
        }
        this.privateKey = privateKeyOf(key.getDecodedD());
    }

    static PrivateKey privateKeyOf(byte[] seed) throws JOSEException {
        if (seed.length != 32) {
            throw new JOSEException("an Ed25519 private key has 32 bytes");
        }
        byte[] der = new byte[PKCS8_PREFIX.length + 32];
        System.arraycopy(PKCS8_PREFIX, 0, der, 0, PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, 32);
        try {
            // The JDK's key object: ACCP signs with it but offers no Ed25519 KeyFactory itself.
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("cannot load the Ed25519 private key", e);
        }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("this signer signs EdDSA only, not " + header.getAlgorithm());
        }
        try {
            Provider provider = jca.getProvider();
            Signature signature = provider == null ? Signature.getInstance("Ed25519")
                    : Signature.getInstance("Ed25519", provider);
            signature.initSign(privateKey);
            signature.update(signingInput);
            return Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 signing failed", e);
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
