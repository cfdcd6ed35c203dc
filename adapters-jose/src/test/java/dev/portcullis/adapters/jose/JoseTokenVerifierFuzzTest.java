package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer-token verification on hostile input. Two targets: any string at all (it is never valid and
 * never throws), and arbitrary header and payload JSON carrying a GOOD signature of the real key, so
 * the fuzzer explores everything past the signature check: whatever it finds valid must have the
 * key's algorithm, the access-token type and a lifetime that covers now. Corpus lines: header, then
 * payload; {@code KID} stands for the key's id. {@code mvn verify} replays the committed corpus; fuzz
 * longer with {@code JAZZER_FUZZ=1 ./mvnw -pl adapters-jose -am test -Dtest=JoseTokenVerifierFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class JoseTokenVerifierFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final SigningKey ES = TestKeys.key(SigningAlgorithm.ES256, NOW.minus(Duration.ofDays(1)));
    private static final JoseTokenVerifier VERIFIER = new JoseTokenVerifier(ListKeyStore.with(ES), MutableClock.at(NOW),
            CryptoProviders.detect(), Duration.ofSeconds(5), SKEW);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @FuzzTest(maxDuration = "60s")
    void anyStringIsInvalidWithoutThrowing(FuzzedDataProvider data) {
        String token = data.consumeRemainingAsString();
        assertThat(VERIFIER.verify(token)).isInstanceOf(Verification.Invalid.class);
    }

    @FuzzTest(maxDuration = "60s")
    void properlySignedArbitraryJsonIsValidOnlyWhenEveryRuleHolds(FuzzedDataProvider data) throws Exception {
        String input = data.consumeRemainingAsString().replace("KID", ES.id().value());
        int newline = input.indexOf('\n');
        String header = newline < 0 ? input : input.substring(0, newline);
        String payload = newline < 0 ? "" : input.substring(newline + 1);
        String signingInput = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String signature = new ECDSASigner(TestKeys.jwk(ES).toECKey())
                .sign(new JWSHeader(JWSAlgorithm.ES256), signingInput.getBytes(StandardCharsets.US_ASCII)).toString();

        Verification verification = VERIFIER.verify(signingInput + "." + signature);

        if (verification instanceof Verification.Valid valid) {
            assertThat(header).contains("ES256").contains(ES.id().value());
            assertThat(header.toLowerCase()).contains("at+jwt");
            assertThat(valid.claims().expiresAt()).isAfter(NOW.minus(SKEW));
            assertThat(valid.claims().issuedAt()).isBefore(NOW.plus(SKEW).plusSeconds(1));
            assertThat(valid.claims().audience()).isNotEmpty();
        } else {
            assertThat(((Verification.Invalid) verification).reason()).isNotBlank();
        }
    }
}
