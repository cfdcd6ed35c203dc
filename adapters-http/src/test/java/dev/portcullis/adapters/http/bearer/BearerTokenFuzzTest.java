package dev.portcullis.adapters.http.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bearer header parser on arbitrary Authorization headers: it never throws, and a token it
 * returns is a b64token (RFC 6750 §2.1). {@code mvn verify} replays the committed corpus; fuzz longer with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl adapters-http -am test -Dtest=BearerTokenFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BearerTokenFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parsesAnyHeaderWithoutThrowing(FuzzedDataProvider data) {
        int count = data.consumeInt(0, 2);
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            headers.add(i == count - 1 ? data.consumeRemainingAsString() : data.consumeString(64));
        }
        switch (BearerToken.parse(headers)) {
            case BearerToken.Missing missing -> assertThat(headers).isEmpty();
            case BearerToken.OtherScheme other -> assertThat(headers).hasSize(1);
            case BearerToken.Malformed malformed -> assertThat(malformed.reason()).isNotBlank();
            case BearerToken.Present present -> {
                assertThat(headers).hasSize(1);
                assertThat(present.token()).matches("[A-Za-z0-9\\-._~+/]+=*");
                assertThat(present.toString()).doesNotContain(present.token());
            }
        }
    }
}
