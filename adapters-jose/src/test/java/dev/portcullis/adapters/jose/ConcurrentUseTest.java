package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.key.SigningAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Signers, verifiers and the key ring are shared by every request thread of a node. */
class ConcurrentUseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void signsAndVerifiesFromManyThreadsWhileTheKeysAreReloadedOnEveryCall() throws Exception {
        MutableClock clock = MutableClock.at(NOW);
        ListKeyStore store = new ListKeyStore();
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            store.save(TestKeys.key(algorithm, NOW.minus(Duration.ofMinutes(algorithm.ordinal()))));
        }
        // Zero refresh interval: every call races to reload the key set.
        JoseTokenSigner signer = new JoseTokenSigner(store, clock, CryptoProviders.detect(), Duration.ZERO);
        JoseTokenVerifier verifier = new JoseTokenVerifier(store, clock, CryptoProviders.detect(), Duration.ZERO,
                JoseTokenVerifier.DEFAULT_CLOCK_SKEW);
        CachingTokenVerifier cached = new CachingTokenVerifier(verifier, clock, 50, Duration.ofMinutes(1));

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    int valid = 0;
                    for (int i = 0; i < 250; i++) {
                        String token = signer.sign(TestClaims.serviceToken(NOW.minusSeconds(i))).compact();
                        if (verifier.verify(token) instanceof Verification.Valid
                                && cached.verify(token) instanceof Verification.Valid) {
                            valid++;
                        }
                    }
                    return valid;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(250);
            }
        }
    }
}
