package dev.portcullis.adapters.jose;

import dev.portcullis.application.port.out.TokenVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens found valid, so that a client presenting the same bearer token again costs a
 * SHA-256 instead of a signature verification (ES256 verification is ~4× slower than signing).
 *
 * <ul>
 *   <li>Keyed by the token's SHA-256, never the token: a heap dump must not yield bearer tokens.
 *   <li>An entry is served only while {@code now < exp} (no clock skew here) and for at most
 *       {@code maxAge}, so a key deleted from the store stops being honoured within that time.
 *   <li>Only {@link Verification.Valid} answers are kept: an invalid token may become valid (a
 *       key another node just created) and garbage must not fill the cache.
 *   <li>Bounded: when full, expired entries go first, then arbitrary ones.
 * </ul>
 * Revocation is not this class's business: callers check it after verification, every time.
 */
public final class CachingTokenVerifier implements TokenVerifier {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(60);

    private final TokenVerifier delegate;
    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;
    private final ConcurrentHashMap<TokenDigest, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Verification.Valid valid, Instant servedUntil) {}

    /** The SHA-256 of a token, as four longs: cheap to compare and hash, nothing to reverse. */
    private record TokenDigest(long a, long b, long c, long d) {

        static TokenDigest of(String token) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
            ByteBuffer digest = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
            return new TokenDigest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
        }
    }

    public CachingTokenVerifier(TokenVerifier delegate, Clock clock) {
        this(delegate, clock, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_AGE);
    }

    public CachingTokenVerifier(TokenVerifier delegate, Clock clock, int maxEntries, Duration maxAge) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public Verification verify(String compactToken) {
        if (compactToken == null || compactToken.length() > JoseTokenVerifier.MAX_TOKEN_CHARS) {
            return delegate.verify(compactToken); // refused there; not worth hashing
        }
        TokenDigest digest = TokenDigest.of(compactToken);
        Instant now = clock.instant();
        Entry cached = cache.get(digest);
        if (cached != null) {
            if (now.isBefore(cached.servedUntil())) {
                return cached.valid();
            }
            cache.remove(digest, cached);
        }
        Verification answer = delegate.verify(compactToken);
        if (answer instanceof Verification.Valid valid) {
            Instant until = earlier(valid.claims().expiresAt(), now.plus(maxAge));
            if (now.isBefore(until)) {
                makeRoom(now);
                cache.put(digest, new Entry(valid, until));
            }
        }
        return answer;
    }

    /** How many tokens are remembered now. */
    int size() {
        return cache.size();
    }

    private void makeRoom(Instant now) {
        if (cache.size() < maxEntries) {
            return;
        }
        cache.values().removeIf(e -> !now.isBefore(e.servedUntil()));
        if (cache.size() < maxEntries) {
            return;
        }
        // Still full: drop about a tenth, in the map's arbitrary order. Cheap, and rare in practice.
        Iterator<TokenDigest> victims = cache.keySet().iterator();
        int excess = cache.size() - maxEntries + Math.max(1, maxEntries / 10);
        while (excess-- > 0 && victims.hasNext()) {
            victims.next();
            victims.remove();
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
