package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import dev.portcullis.domain.key.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pooled JCA signatures are JWS signatures that Nimbus' verifiers accept, from any number of threads at once. */
class JcaSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256", "EdDSA"})
    void signaturesVerifyWithTheDetectedProviderAndWithTheJdk(SigningAlgorithm algorithm) throws JOSEException {
        for (CryptoProviders crypto : List.of(CryptoProviders.detect(), CryptoProviders.jdk())) {
            LoadedKey key = LoadedKey.load(TestKeys.key(algorithm, NOW), crypto);
            byte[] input = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJteWFwcCJ9".getBytes(StandardCharsets.US_ASCII);

            Base64URL signature = key.signer().sign(key.header(), input);

            assertThat(key.verifier().verify(key.header(), input, signature)).as("%s with %s", algorithm, crypto).isTrue();
            assertThat(key.verifier().verify(key.header(), "tampered".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
            if (algorithm == SigningAlgorithm.ES256) {
                assertThat(signature.decode()).as("R and S of 32 bytes each (RFC 7518 §3.4)").hasSize(64);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EdDSA"})
    void manyThreadsSignAtOnceAndEverySignatureVerifies(SigningAlgorithm algorithm) throws Exception {
        LoadedKey key = LoadedKey.load(TestKeys.key(algorithm, NOW), CryptoProviders.detect());

        List<Future<Boolean>> verified = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                verified.add(threads.submit(() -> {
                    boolean all = true;
                    for (int i = 0; i < 200; i++) {
                        byte[] input = ("token " + thread + "-" + i).getBytes(StandardCharsets.US_ASCII);
                        all &= key.verifier().verify(key.header(), input, key.signer().sign(key.header(), input));
                    }
                    return all;
                }));
            }
        }
        for (Future<Boolean> result : verified) {
            assertThat(result.get()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void aHeaderOfAnotherAlgorithmIsRefused(SigningAlgorithm algorithm) {
        LoadedKey key = LoadedKey.load(TestKeys.key(algorithm, NOW), CryptoProviders.detect());

        assertThatThrownBy(() -> key.signer().sign(new JWSHeader(JWSAlgorithm.HS256), new byte[] {1}))
                .isInstanceOf(JOSEException.class);
    }
}
