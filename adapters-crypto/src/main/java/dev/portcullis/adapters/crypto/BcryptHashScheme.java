package dev.portcullis.adapters.crypto;

import dev.portcullis.domain.secret.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt through Bouncy Castle's {@link OpenBSDBCrypt}, secret as UTF-8. Produces {@code $2b$<cost>$...};
 * reads {@code $2a$}, {@code $2b$} and {@code $2y$}. Bouncy Castle compares the recomputed string in
 * constant time ({@code Strings.constantTimeAreEqual}).
 *
 * <p>bcrypt reads only the first 72 bytes of a secret. {@link #hash} refuses longer secrets rather
 * than truncate them silently; {@link #matches} truncates like every bcrypt, so hashes imported from
 * other systems keep working.
 */
public final class BcryptHashScheme implements HashScheme {

    public static final String VERSION = "2b";
    public static final int DEFAULT_COST = 12;
    public static final int MIN_COST = 4;
    /** Higher costs are refused, when producing and when checking (cost 20 is over a minute per check). */
    public static final int MAX_COST = 20;
    public static final int MAX_SECRET_BYTES = 72;
    private static final int SALT_BYTES = 16;
    private static final Pattern ENCODING = Pattern.compile("\\$(2[aby])\\$([0-9]{2})\\$[./A-Za-z0-9]{53}");

    private final int cost;
    private final SecureRandom random;

    public BcryptHashScheme() {
        this(DEFAULT_COST);
    }

    public BcryptHashScheme(int cost) {
        this(cost, new SecureRandom());
    }

    public BcryptHashScheme(int cost, SecureRandom random) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must lie in [" + MIN_COST + ", " + MAX_COST + "]: " + cost);
        }
        this.cost = cost;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Set<String> identifiers() {
        return Set.of("2a", "2b", "2y");
    }

    @Override
    public boolean slow() {
        return true;
    }

    /** @throws IllegalArgumentException when the secret is longer than {@value #MAX_SECRET_BYTES} bytes in UTF-8 */
    @Override
    public SecretHash hash(String secret) {
        byte[] bytes = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        try {
            if (bytes.length > MAX_SECRET_BYTES) {
                throw new IllegalArgumentException("bcrypt reads at most " + MAX_SECRET_BYTES + " bytes of a secret");
            }
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            return new SecretHash(OpenBSDBCrypt.generate(VERSION, bytes, salt, cost));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean matches(String secret, SecretHash hash) {
        Objects.requireNonNull(secret, "secret");
        Matcher m = ENCODING.matcher(hash.encoded());
        if (!m.matches()) {
            return false;
        }
        int storedCost = Integer.parseInt(m.group(2));
        if (storedCost < MIN_COST || storedCost > MAX_COST) {
            return false;
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return OpenBSDBCrypt.checkPassword(hash.encoded(), bytes);
        } catch (RuntimeException malformed) {
            // Bouncy Castle signals an unreadable string with IllegalArgumentException or DataLengthException
            return false;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "BcryptHashScheme[cost=" + cost + "]";
    }
}
