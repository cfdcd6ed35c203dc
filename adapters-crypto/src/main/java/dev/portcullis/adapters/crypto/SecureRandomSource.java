package dev.portcullis.adapters.crypto;

import dev.portcullis.application.port.out.RandomSource;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * {@link RandomSource} over one shared {@link SecureRandom}. The default, {@code new SecureRandom()},
 * is NativePRNG on Linux: it reads {@code /dev/urandom} and never blocks (unlike
 * {@code SecureRandom.getInstanceStrong()}), and is safe to share between threads.
 */
public final class SecureRandomSource implements RandomSource {

    /** Larger requests are refused as a likely mistake. */
    public static final int MAX_BYTES = 1024;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SecureRandomSource() {
        this(new SecureRandom());
    }

    public SecureRandomSource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String nextToken(int bytes) {
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("bytes must lie in [1, " + MAX_BYTES + "]: " + bytes);
        }
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }

    @Override
    public String toString() {
        return "SecureRandomSource[" + random.getAlgorithm() + "]";
    }
}
