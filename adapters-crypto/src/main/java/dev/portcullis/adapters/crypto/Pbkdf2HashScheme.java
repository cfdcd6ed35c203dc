package dev.portcullis.adapters.crypto;

import dev.portcullis.domain.secret.SecretHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (the JDK's {@code PBKDF2WithHmacSHA256}, secret as UTF-8), PHC-like:
 * {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>} in unpadded standard base64. Produces a
 * 16-byte salt and a 32-byte hash. Also reads passlib's form {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (its base64 writes {@code .} for {@code +}), and hash fields of 16 to 64 bytes, compared with
 * PBKDF2 output of that length (so a hash field cut short, but to 16 bytes or more, still verifies:
 * shorter PBKDF2 output is a prefix of longer).
 */
public final class Pbkdf2HashScheme implements HashScheme {

    public static final String ID = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Above this a stored hash is refused rather than computed (~seconds per check). */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern ITERATIONS = Pattern.compile("(?:i=)?([1-9][0-9]{0,7})");

    private final int iterations;
    private final SecureRandom random;

    public Pbkdf2HashScheme() {
        this(DEFAULT_ITERATIONS);
    }

    public Pbkdf2HashScheme(int iterations) {
        this(iterations, new SecureRandom());
    }

    public Pbkdf2HashScheme(int iterations, SecureRandom random) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must lie in [1, " + MAX_ITERATIONS + "]: " + iterations);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Set<String> identifiers() {
        return Set.of(ID);
    }

    @Override
    public boolean slow() {
        return true;
    }

    @Override
    public SecretHash hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(secret, salt, iterations, HASH_BYTES)
                .orElseThrow(() -> new IllegalArgumentException("PBKDF2 refused this secret"));
        return new SecretHash("$" + ID + "$i=" + iterations + "$" + Base64s.encode(salt) + "$" + Base64s.encode(derived));
    }

    @Override
    public boolean matches(String secret, SecretHash hash) {
        Objects.requireNonNull(secret, "secret");
        String[] parts = hash.encoded().split("\\$", -1);
        if (parts.length != 5 || !parts[1].equals(ID)) {
            return false;
        }
        var rounds = ITERATIONS.matcher(parts[2]);
        if (!rounds.matches()) {
            return false;
        }
        int storedIterations = Integer.parseInt(rounds.group(1));
        Optional<byte[]> salt = Base64s.decode(parts[3], 1, 64);
        Optional<byte[]> expected = Base64s.decode(parts[4], 16, 64);
        if (storedIterations > MAX_ITERATIONS || salt.isEmpty() || expected.isEmpty()) {
            return false;
        }
        return derive(secret, salt.get(), storedIterations, expected.get().length)
                .map(actual -> MessageDigest.isEqual(actual, expected.get()))
                .orElse(false);
    }

    /** Empty when the JDK refuses the input (it rejects some secrets, such as an empty one on older JDKs). */
    static Optional<byte[]> derive(String secret, byte[] salt, int iterations, int bytes) {
        char[] chars = secret.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bytes * 8);
        try {
            return Optional.of(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (InvalidKeySpecException | IllegalArgumentException refused) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(chars, '\0');
        }
    }

    @Override
    public String toString() {
        return "Pbkdf2HashScheme[i=" + iterations + "]";
    }
}
