package dev.portcullis.adapters.crypto;

import dev.portcullis.domain.secret.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salted fast hash for server-generated secrets of 256 bits or more, which need no slow KDF:
 * {@code $sha256$<salt>$<hash>} with {@code hash = HMAC-SHA256(key = salt, message = UTF-8(secret))},
 * a 16-byte random salt, both in unpadded standard base64. Never use it for human-chosen secrets.
 */
public final class Sha256HashScheme implements HashScheme {

    public static final String ID = "sha256";
    static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;
    private static final String PREFIX = "$" + ID + "$";

    private final SecureRandom random;

    public Sha256HashScheme() {
        this(new SecureRandom());
    }

    public Sha256HashScheme(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Set<String> identifiers() {
        return Set.of(ID);
    }

    @Override
    public boolean slow() {
        return false;
    }

    @Override
    public SecretHash hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new SecretHash(PREFIX + Base64s.encode(salt) + "$" + Base64s.encode(hmac(salt, secret)));
    }

    @Override
    public boolean matches(String secret, SecretHash hash) {
        Objects.requireNonNull(secret, "secret");
        String[] parts = hash.encoded().split("\\$", -1);
        if (parts.length != 4 || !parts[1].equals(ID)) {
            return false;
        }
        Optional<byte[]> salt = Base64s.decode(parts[2], MIN_SALT_BYTES, MAX_SALT_BYTES);
        Optional<byte[]> expected = Base64s.decode(parts[3], HASH_BYTES, HASH_BYTES);
        if (salt.isEmpty() || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(hmac(salt.get(), secret), expected.get());
    }

    static byte[] hmac(byte[] salt, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "Sha256HashScheme";
    }
}
