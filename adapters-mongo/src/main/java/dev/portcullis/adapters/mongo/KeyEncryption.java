package dev.portcullis.adapters.mongo;

import dev.portcullis.domain.key.KeyId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private JWKs at rest with AES-256-GCM under a key-encryption key (KEK) from the
 * configuration: a fresh random 96-bit nonce for every write, the key id as associated data, so a
 * ciphertext moved onto another key's document does not decrypt.
 */
public final class KeyEncryption {

    /** The KEK's length: 256 bits. */
    public static final int KEK_BYTES = 32;
    /** The algorithm's name, stored beside each ciphertext so that it can change later. */
    static final String ALGORITHM = "A256GCM";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec kek;
    private final SecureRandom random;

    /** @param keyEncryptionKey 32 bytes of secret randomness; copied, so the caller may wipe its array */
    public KeyEncryption(byte[] keyEncryptionKey) {
        this(keyEncryptionKey, new SecureRandom());
    }

    KeyEncryption(byte[] keyEncryptionKey, SecureRandom random) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        if (keyEncryptionKey.length != KEK_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + KEK_BYTES + " bytes, not "
                    + keyEncryptionKey.length);
        }
        this.kek = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A private key as stored: the nonce it was encrypted with and the ciphertext, tag included. */
    record Sealed(byte[] nonce, byte[] ciphertext) {

        Sealed {
            nonce = nonce.clone();
            ciphertext = ciphertext.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sealed that && Arrays.equals(nonce, that.nonce)
                    && Arrays.equals(ciphertext, that.ciphertext);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
        }

        @Override
        public String toString() {
            return "Sealed[" + ciphertext.length + " bytes]";
        }
    }

    Sealed seal(KeyId id, String privateJwk) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, id, nonce);
            return new Sealed(nonce, cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    /** @throws KeyDecryptionException if the KEK is not the one the key was sealed under, or the data was altered */
    String open(KeyId id, Sealed sealed) {
        try {
            if (sealed.nonce.length != NONCE_BYTES) {
                throw new GeneralSecurityException("nonce of " + sealed.nonce.length + " bytes");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, id, sealed.nonce);
            return new String(cipher.doFinal(sealed.ciphertext), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new KeyDecryptionException("signing key " + id + " cannot be decrypted: the key-encryption key is"
                    + " not the one it was stored under, or the stored key was altered", e);
        }
    }

    private Cipher cipher(int mode, KeyId id, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(id.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "KeyEncryption[" + ALGORITHM + "]";
    }
}
