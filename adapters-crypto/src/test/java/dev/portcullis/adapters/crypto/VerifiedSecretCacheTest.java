package dev.portcullis.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.secret.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VerifiedSecretCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final CountingScheme slow = new CountingScheme(new Pbkdf2HashScheme(1_000));
    private final CountingScheme bcrypt = new CountingScheme(new BcryptHashScheme(4));
    private final CountingScheme fast = new CountingScheme(new Sha256HashScheme());
    private final VerifiedSecretCache cache = new VerifiedSecretCache(3, TTL, clock);
    private final DelegatingSecretHasher hasher = new DelegatingSecretHasher(fast, List.of(slow, bcrypt), cache);

    @Test
    void a_second_check_of_a_slow_hash_is_served_from_the_cache() {
        SecretHash hash = slow.hash("secret");

        assertThat(hasher.matches("secret", hash)).isTrue();
        assertThat(hasher.matches("secret", hash)).isTrue();
        assertThat(hasher.matches("secret", hash)).isTrue();

        assertThat(slow.checks()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void bcrypt_checks_are_cached_too() {
        SecretHash hash = bcrypt.hash("secret");

        assertThat(hasher.matches("secret", hash)).isTrue();
        assertThat(hasher.matches("secret", hash)).isTrue();

        assertThat(bcrypt.checks()).isEqualTo(1);
    }

    @Test
    void a_wrong_secret_is_never_cached() {
        SecretHash hash = slow.hash("secret");

        assertThat(hasher.matches("wrong", hash)).isFalse();
        assertThat(hasher.matches("wrong", hash)).isFalse();

        assertThat(slow.checks()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_wrong_secret_after_a_right_one_is_still_checked_and_refused() {
        SecretHash hash = slow.hash("secret");
        hasher.matches("secret", hash);

        assertThat(hasher.matches("wrong", hash)).isFalse();
        assertThat(slow.checks()).isEqualTo(2);
    }

    @Test
    void fast_schemes_are_not_cached() {
        SecretHash hash = fast.hash("secret");

        assertThat(hasher.matches("secret", hash)).isTrue();
        assertThat(hasher.matches("secret", hash)).isTrue();

        assertThat(fast.checks()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void an_entry_expires_after_the_ttl() {
        SecretHash hash = slow.hash("secret");
        hasher.matches("secret", hash);

        clock.advance(TTL.minusSeconds(1));
        assertThat(hasher.matches("secret", hash)).isTrue();
        assertThat(slow.checks()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(hasher.matches("secret", hash)).isTrue();
        assertThat(slow.checks()).isEqualTo(2);
    }

    @Test
    void a_hit_does_not_extend_the_ttl() {
        SecretHash hash = slow.hash("secret");
        hasher.matches("secret", hash);
        clock.advance(TTL.minusSeconds(10));
        hasher.matches("secret", hash);

        clock.advance(Duration.ofSeconds(10));
        hasher.matches("secret", hash);

        assertThat(slow.checks()).isEqualTo(2);
    }

    @Test
    void a_rotated_secret_does_not_meet_the_old_entry() {
        SecretHash old = slow.hash("old-secret");
        hasher.matches("old-secret", old);
        SecretHash rotated = slow.hash("new-secret");

        assertThat(hasher.matches("old-secret", rotated)).isFalse();
        assertThat(hasher.matches("new-secret", rotated)).isTrue();
        assertThat(slow.checks()).isEqualTo(3);
    }

    @Test
    void the_same_secret_rehashed_is_a_new_entry() {
        SecretHash first = slow.hash("secret");
        SecretHash second = slow.hash("secret");
        hasher.matches("secret", first);
        hasher.matches("secret", second);

        assertThat(slow.checks()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void size_is_bounded_and_the_least_recently_used_entry_goes_first() {
        List<SecretHash> hashes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hashes.add(slow.hash("secret-" + i));
        }
        for (int i = 0; i < 3; i++) {
            hasher.matches("secret-" + i, hashes.get(i));
        }
        hasher.matches("secret-0", hashes.get(0)); // hit: 0 is now the most recently used
        assertThat(slow.checks()).isEqualTo(3);

        hasher.matches("secret-3", hashes.get(3)); // evicts 1
        assertThat(cache.size()).isEqualTo(3);
        assertThat(slow.checks()).isEqualTo(4);

        hasher.matches("secret-0", hashes.get(0));
        hasher.matches("secret-2", hashes.get(2));
        assertThat(slow.checks()).isEqualTo(4);
        hasher.matches("secret-1", hashes.get(1));
        assertThat(slow.checks()).isEqualTo(5);
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void the_default_capacity_bounds_many_entries() {
        VerifiedSecretCache big = new VerifiedSecretCache(clock);
        for (int i = 0; i < VerifiedSecretCache.DEFAULT_CAPACITY + 50; i++) {
            SecretHash hash = new SecretHash("$test$" + i + "xxxxxx");
            big.matches("s", hash, (secret, h) -> true);
        }

        assertThat(big.size()).isEqualTo(VerifiedSecretCache.DEFAULT_CAPACITY);
    }

    @Test
    void keys_hold_neither_the_secret_nor_the_encoding() {
        String secret = "Plaintext-Secret-0123456789";
        SecretHash hash = slow.hash(secret);
        hasher.matches(secret, hash);

        assertThat(cache.keys()).singleElement().satisfies(key -> {
            assertThat(key).doesNotContain(secret);
            assertThat(key).doesNotContain("Plaintext");
            assertThat(key).doesNotContain(hash.encoded());
            assertThat(key).matches("[A-Za-z0-9_-]{43}"); // 32 bytes of HMAC, base64url
        });
    }

    @Test
    void keys_depend_on_a_per_process_secret_key() {
        SecretHash hash = slow.hash("secret");
        VerifiedSecretCache other = new VerifiedSecretCache(clock);

        assertThat(cache.keyOf(hash, "secret")).isEqualTo(cache.keyOf(hash, "secret"));
        assertThat(other.keyOf(hash, "secret")).isNotEqualTo(cache.keyOf(hash, "secret"));
        assertThat(cache.keyOf(hash, "secreT")).isNotEqualTo(cache.keyOf(hash, "secret"));
    }

    @Test
    void the_key_separates_encoding_from_secret() {
        // the same concatenation split differently must give different keys
        SecretHash ab = new SecretHash("$test$abcdefgh");
        SecretHash a = new SecretHash("$test$abcdefg");

        assertThat(cache.keyOf(ab, "ij")).isNotEqualTo(cache.keyOf(a, "hij"));
    }

    @Test
    void a_disabled_cache_checks_every_time() {
        DelegatingSecretHasher uncached = new DelegatingSecretHasher(fast, List.of(slow));
        SecretHash hash = slow.hash("secret");

        uncached.matches("secret", hash);
        uncached.matches("secret", hash);

        assertThat(slow.checks()).isEqualTo(2);
    }

    @Test
    void clear_forgets_every_entry() {
        SecretHash hash = slow.hash("secret");
        hasher.matches("secret", hash);
        cache.clear();
        hasher.matches("secret", hash);

        assertThat(slow.checks()).isEqualTo(2);
    }

    @Test
    void concurrent_checks_agree() throws Exception {
        SecretHash hash = slow.hash("secret");
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String presented = i % 2 == 0 ? "secret" : "wrong";
            tasks.add(() -> hasher.matches(presented, hash));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void invalid_settings_are_refused() {
        assertThatThrownBy(() -> new VerifiedSecretCache(-1, TTL, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedSecretCache(10, Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
