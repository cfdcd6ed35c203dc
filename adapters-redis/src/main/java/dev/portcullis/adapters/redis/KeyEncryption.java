package dev.portcullis.adapters.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private JWKs at rest: AES-256-GCM under a 32-byte key-encryption key, a fresh random
 * 96-bit nonce per seal, the key id as associated data (so a sealed JWK cannot be moved to
 * another kid). Sealed form: {@code v1.<nonce>.<ciphertext+tag>}, both base64url.
 */
final class KeyEncryption {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec kek;
    private final SecureRandom random = new SecureRandom();

    KeyEncryption(byte[] keyEncryptionKey) {
        if (keyEncryptionKey == null || keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (AES-256)");
        }
        this.kek = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
    }

    String seal(String keyId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, keyId);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return VERSION + "." + b64.encodeToString(nonce) + "." + b64.encodeToString(cipher.doFinal(clear));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** @throws IllegalStateException if the value was sealed under another key or kid, or altered */
    String open(String keyId, String sealed) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("signing key " + keyId + " is not a sealed " + VERSION + " value");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] nonce = b64.decode(parts[1]);
            if (nonce.length != NONCE_BYTES) {
                throw new IllegalStateException("signing key " + keyId + " has a bad nonce");
            }
            byte[] clear = cipher(Cipher.DECRYPT_MODE, nonce, keyId).doFinal(b64.decode(parts[2]));
            try {
                return new String(clear, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException("signing key " + keyId
                    + " cannot be decrypted: wrong key-encryption key, or the stored value was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
