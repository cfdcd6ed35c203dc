package dev.portcullis.adapters.crypto;

import dev.portcullis.domain.secret.SecretHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a while, that a secret matched a slow hash, so that a client whose imported secret
 * is stored as bcrypt or PBKDF2 does not pay the KDF on every token request.
 *
 * <p>An entry's key is HMAC-SHA256, under a random key made per process, of the stored encoding and
 * the presented secret; its value is only the instant it expires. Neither holds the secret, and a
 * rotated secret (a new encoding) never meets the old entry. Only successful checks are recorded.
 * Entries expire a fixed TTL after the check that made them, and the least recently used one goes
 * when the cache is full.
 */
public final class VerifiedSecretCache {

    public static final int DEFAULT_CAPACITY = 1024;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    private static final String MAC = "HmacSHA256";

    private final int capacity;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec processKey;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Instant> entries;

    public VerifiedSecretCache(Clock clock) {
        this(DEFAULT_CAPACITY, DEFAULT_TTL, clock);
    }

    /** @param capacity 0 disables caching */
    public VerifiedSecretCache(int capacity, Duration ttl, Clock clock) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, MAC);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > VerifiedSecretCache.this.capacity;
            }
        };
    }

    /** A cache that records nothing. */
    public static VerifiedSecretCache disabled() {
        return new VerifiedSecretCache(0, Duration.ofSeconds(1), Clock.systemUTC());
    }

    /**
     * True when {@code (secret, hash)} matched within the TTL; otherwise asks {@code slowCheck} and
     * records a success.
     */
    boolean matches(String secret, SecretHash hash, BiPredicate<String, SecretHash> slowCheck) {
        if (capacity == 0) {
            return slowCheck.test(secret, hash);
        }
        String key = keyOf(hash, secret);
        if (isFresh(key)) {
            return true;
        }
        boolean matches = slowCheck.test(secret, hash);
        if (matches) {
            record(key);
        }
        return matches;
    }

    /** Forgets every entry, e.g. after a bulk change of stored secrets. */
    public void clear() {
        lock.lock();
        try {
            entries.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Entries held, expired ones included until they are met or evicted. */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** For tests: the keys as held. */
    Set<String> keys() {
        lock.lock();
        try {
            return Set.copyOf(entries.keySet());
        } finally {
            lock.unlock();
        }
    }

    private boolean isFresh(String key) {
        Instant now = clock.instant();
        lock.lock();
        try {
            Instant expiry = entries.get(key);
            if (expiry == null) {
                return false;
            }
            if (now.isBefore(expiry)) {
                return true;
            }
            entries.remove(key);
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void record(String key) {
        Instant expiry = clock.instant().plus(ttl);
        lock.lock();
        try {
            entries.put(key, expiry);
        } finally {
            lock.unlock();
        }
    }

    /** HMAC(processKey, len(encoding) || encoding || secret), all UTF-8: unambiguous, and one-way without the key. */
    String keyOf(SecretHash hash, String secret) {
        byte[] encoding = hash.encoded().getBytes(StandardCharsets.UTF_8);
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(processKey);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(encoding.length).array());
            mac.update(encoding);
            mac.update(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " unavailable", e);
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "VerifiedSecretCache[capacity=" + capacity + ", ttl=" + ttl + "]";
    }
}
