package dev.portcullis.adapters.crypto;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps signing keys encrypted at rest in any {@link KeyStore}: the private JWK is encrypted before
 * {@link #save} hands the key to the store it wraps, and decrypted when {@link #findAll} reads it
 * back. The wrapped store sees, and keeps, only
 * <pre>{@code enc:A256GCM:<nonce>:<ciphertext>}</pre>
 * (both base64url without padding): AES-256-GCM under the key-encryption key (KEK), a fresh random
 * 96-bit nonce per save, the 128-bit tag at the end of the ciphertext, and the key id as associated
 * data, so a ciphertext copied onto another key id does not decrypt. The scheme name makes the value
 * self-describing, so that another scheme can be added later beside this one.
 *
 * <p>Only the private JWK is encrypted; the key id, algorithm and lifecycle instants stay readable
 * (stores order and replace keys by them). Failures of the wrapped store pass through unchanged, so an
 * outage stays an outage. A value that does not decrypt is {@link KeyDecryptionException}: never
 * "no keys", which would let a node mint new keys over the ones it cannot read.
 */
public final class EncryptingKeyStore implements KeyStore {

    /** The KEK's length: 256 bits. */
    public static final int KEK_BYTES = 32;
    /** Every value this class writes starts with it. */
    static final String SCHEME = "enc:A256GCM:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final KeyStore delegate;
    private final SecretKeySpec kek;
    private final SecureRandom random;

    /**
     * @param delegate         the store that keeps the encrypted keys
     * @param keyEncryptionKey 32 bytes of secret randomness; copied, so the caller may wipe its array
     */
    public EncryptingKeyStore(KeyStore delegate, byte[] keyEncryptionKey) {
        this(delegate, keyEncryptionKey, new SecureRandom());
    }

    EncryptingKeyStore(KeyStore delegate, byte[] keyEncryptionKey, SecureRandom random) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (keyEncryptionKey == null || keyEncryptionKey.length != KEK_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + KEK_BYTES + " bytes (AES-256), not "
                    + (keyEncryptionKey == null ? "absent" : keyEncryptionKey.length));
        }
        this.kek = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @throws KeyDecryptionException if a stored key is not encrypted by this scheme, was encrypted under
     *                                another key-encryption key or for another key id, or was altered
     */
    @Override
    public List<SigningKey> findAll() {
        return delegate.findAll().stream().map(this::decrypted).toList();
    }

    @Override
    public void save(SigningKey key) {
        delegate.save(new SigningKey(key.id(), key.algorithm(), encrypt(key.id(), key.privateJwk()),
                key.createdAt(), key.activatesAt(), key.retiresAt()));
    }

    @Override
    public boolean delete(KeyId id) {
        return delegate.delete(id);
    }

    private String encrypt(KeyId id, String privateJwk) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] clear = privateJwk.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, id, nonce).doFinal(clear);
            return SCHEME + B64.encodeToString(nonce) + ":" + B64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    private SigningKey decrypted(SigningKey stored) {
        return new SigningKey(stored.id(), stored.algorithm(), decrypt(stored.id(), stored.privateJwk()),
                stored.createdAt(), stored.activatesAt(), stored.retiresAt());
    }

    private String decrypt(KeyId id, String stored) {
        if (!stored.startsWith(SCHEME)) {
            // never quote the value: it may be a plaintext private key someone put there
            throw new KeyDecryptionException("signing key " + id + " is not stored encrypted with "
                    + SCHEME.substring(0, SCHEME.length() - 1) + "; refusing to use it", null);
        }
        String[] parts = stored.substring(SCHEME.length()).split(":", -1);
        byte[] clear = null;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected <nonce>:<ciphertext>");
            }
            byte[] nonce = B64_DECODER.decode(parts[0]);
            if (nonce.length != NONCE_BYTES) {
                throw new IllegalArgumentException("a nonce of " + nonce.length + " bytes");
            }
            clear = cipher(Cipher.DECRYPT_MODE, id, nonce).doFinal(B64_DECODER.decode(parts[1]));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new KeyDecryptionException("signing key " + id + " cannot be decrypted: the key-encryption key is not"
                    + " the one it was stored under, or the stored value was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        } finally {
            if (clear != null) {
                Arrays.fill(clear, (byte) 0);
            }
        }
    }

    private Cipher cipher(int mode, KeyId id, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(id.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Never prints the key-encryption key. */
    @Override
    public String toString() {
        return "EncryptingKeyStore[A256GCM over " + delegate + "]";
    }
}
