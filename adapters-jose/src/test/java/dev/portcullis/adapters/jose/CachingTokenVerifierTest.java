package dev.portcullis.adapters.jose;

import static dev.portcullis.domain.key.SigningAlgorithm.ES256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.token.AccessTokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final SigningKey KEY = TestKeys.key(ES256, NOW.minus(Duration.ofDays(1)));

    private final MutableClock clock = MutableClock.at(NOW);
    private final ListKeyStore store = ListKeyStore.with(KEY);

    /** Counts how often the real verifier behind the cache is asked. */
    private static final class Counting implements TokenVerifier {
        final TokenVerifier real;
        final AtomicInteger calls = new AtomicInteger();

        Counting(TokenVerifier real) {
            this.real = real;
        }

        @Override
        public Verification verify(String compactToken) {
            calls.incrementAndGet();
            return real.verify(compactToken);
        }
    }

    private Counting realVerifier(Duration skew) {
        return new Counting(new JoseTokenVerifier(store, clock, CryptoProviders.detect(), Duration.ofSeconds(5), skew));
    }

    private String token(AccessTokenClaims claims) {
        return new JoseTokenSigner(store, clock).sign(claims).compact();
    }

    @Test
    void answersARepeatedValidTokenFromTheCache() {
        Counting real = realVerifier(JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock);
        String token = token(TestClaims.serviceToken(NOW));

        TokenVerifier.Verification first = cache.verify(token);
        TokenVerifier.Verification second = cache.verify(token);

        assertThat(first).isInstanceOf(TokenVerifier.Verification.Valid.class);
        assertThat(second).isEqualTo(first);
        assertThat(real.calls).hasValue(1);
    }

    @Test
    void neverAnswersFromTheCacheOnceTheTokenHasExpired() {
        Counting real = realVerifier(Duration.ZERO);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock, 100, Duration.ofHours(1));
        String token = token(TestClaims.serviceToken(NOW));
        Instant exp = NOW.plus(TestClaims.LIFETIME);

        assertThat(cache.verify(token)).isInstanceOf(TokenVerifier.Verification.Valid.class);
        clock.set(exp.minusSeconds(1));
        assertThat(cache.verify(token)).isInstanceOf(TokenVerifier.Verification.Valid.class);
        assertThat(real.calls).hasValue(1);

        clock.set(exp);
        assertThat(cache.verify(token)).isInstanceOf(TokenVerifier.Verification.Invalid.class);
        assertThat(real.calls).hasValue(2);
    }

    @Test
    void asksAgainPastExpiryEvenWhenTheVerifierStillAllowsClockSkew() {
        Counting real = realVerifier(JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock, 100, Duration.ofHours(1));
        String token = token(TestClaims.serviceToken(NOW));
        cache.verify(token);

        clock.set(NOW.plus(TestClaims.LIFETIME).plusSeconds(1));
        cache.verify(token);
        cache.verify(token);

        assertThat(real.calls).hasValue(3);
    }

    @Test
    void asksAgainOnceAnEntryReachesItsMaximumAge() {
        Counting real = realVerifier(JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock, 100, Duration.ofSeconds(30));
        String token = token(TestClaims.serviceToken(NOW));
        cache.verify(token);

        clock.advance(Duration.ofSeconds(29));
        cache.verify(token);
        assertThat(real.calls).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        cache.verify(token);
        assertThat(real.calls).hasValue(2);
    }

    @Test
    void doesNotRememberInvalidTokens() {
        Counting real = realVerifier(JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock);

        cache.verify("not.a.token");
        cache.verify("not.a.token");

        assertThat(real.calls).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenRefusedOnceIsAcceptedWhenItsKeyArrives() {
        Counting real = realVerifier(JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock);
        cache.verify(token(TestClaims.serviceToken(NOW)));
        SigningKey newKey = TestKeys.key(ES256, NOW);
        String token = new JoseTokenSigner(ListKeyStore.with(newKey), clock).sign(TestClaims.serviceToken(NOW)).compact();
        assertThat(cache.verify(token)).isInstanceOf(TokenVerifier.Verification.Invalid.class);

        store.save(newKey);
        clock.advance(Duration.ofSeconds(5));

        assertThat(cache.verify(token)).isInstanceOf(TokenVerifier.Verification.Valid.class);
    }

    @Test
    void staysWithinItsBound() {
        Counting real = realVerifier(JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock, 3, Duration.ofHours(1));

        for (int i = 0; i < 20; i++) {
            assertThat(cache.verify(token(TestClaims.serviceToken(NOW.minusSeconds(i)))))
                    .isInstanceOf(TokenVerifier.Verification.Valid.class);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.size()).isPositive();
    }

    @Test
    void dropsExpiredEntriesBeforeLiveOnesWhenFull() {
        Counting real = realVerifier(JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cache = new CachingTokenVerifier(real, clock, 2, Duration.ofHours(1));
        String shortLived = token(TestClaims.serviceToken(NOW, Duration.ofSeconds(10)));
        String longLived = token(TestClaims.serviceToken(NOW));
        cache.verify(shortLived);
        cache.verify(longLived);

        clock.advance(Duration.ofSeconds(11));
        cache.verify(token(TestClaims.serviceToken(clock.instant())));
        int callsBefore = real.calls.get();
        cache.verify(longLived);

        assertThat(real.calls).hasValue(callsBefore);
    }
}
