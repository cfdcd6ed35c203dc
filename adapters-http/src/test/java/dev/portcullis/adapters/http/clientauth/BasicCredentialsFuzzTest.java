package dev.portcullis.adapters.http.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Basic header parser on arbitrary header values: it never throws, and credentials it finds
 * survive a round trip through the encoding RFC 6749 §2.3.1 prescribes. {@code mvn verify} replays the
 * committed corpus; fuzz longer with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl adapters-http -am test -Dtest=BasicCredentialsFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BasicCredentialsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parsesAnyHeaderWithoutThrowing(FuzzedDataProvider data) {
        boolean wrap = data.consumeBoolean();
        String raw = data.consumeRemainingAsString();
        // half the inputs are base64 of fuzzed bytes, so that the parser's inner half is reached
        String header = wrap ? "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)) : raw;
        switch (BasicCredentials.parse(header)) {
            case BasicCredentials.OtherScheme other -> assertThat(header.strip().toLowerCase()).doesNotStartWith("basic ");
            case BasicCredentials.Malformed malformed -> assertThat(malformed.reason()).isNotBlank();
            case BasicCredentials.Found found -> {
                BasicCredentials credentials = found.credentials();
                String encoded = URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(credentials.secret(), StandardCharsets.UTF_8);
                BasicCredentials.Parse again = BasicCredentials.parse(
                        "Basic " + Base64.getEncoder().encodeToString(encoded.getBytes(StandardCharsets.UTF_8)));
                assertThat(again).isEqualTo(found);
                assertThat(credentials.toString()).doesNotContain(credentials.secret().isEmpty() ? "\u0000\u0000" : credentials.secret());
            }
        }
    }
}
