package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.domain.testing.Chars;
import dev.portcullis.domain.testing.Gen;
import dev.portcullis.domain.testing.PropertyRunner;
import dev.portcullis.domain.testing.PropertyTest;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

/** The hand-written JSON string escaper must write what a JSON parser (Nimbus', as verifiers use) reads back. */
class AccessTokenPayloadTest {

    /** Every control character, quote, slash and the rest of ASCII up to '@', plus what else JSON or JavaScript escape. */
    private static final Chars ESCAPE_PRONE = Chars.range('\u0000', '\u0040').and(Chars.of("\\\u2028\u2029\u007f"));

    @PropertyTest(tries = 2_000)
    void anyStringRoundTripsThroughNimbus(Gen any) throws ParseException {
        String value = any.anyString(40);
        assertThat(parsed(AccessTokenPayload.string(value))).isEqualTo(value);
    }

    @PropertyTest(tries = 1_000)
    void controlAndEscapeCharactersRoundTrip(Gen any) throws ParseException {
        String value = any.string(ESCAPE_PRONE, 0, 20);
        assertThat(parsed(AccessTokenPayload.string(value))).isEqualTo(value);
    }

    @Test
    void escapesWhatJsonRequiresAndNothingElse() {
        assertThat(AccessTokenPayload.string("a\"b\\c\n\u0001\u2028é/"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u2028é/\"");
    }

    /** Coverage-guided fuzzing of both round trips: {@code JAZZER_FUZZ=1 ./mvnw -pl adapters-jose -am test -Dtest=AccessTokenPayloadTest -Dsurefire.failIfNoSpecifiedTests=false}. */
    @FuzzTest(maxDuration = "60s")
    void fuzzed(FuzzedDataProvider data) throws Throwable {
        PropertyRunner.fuzz(this, data);
    }

    private static Object parsed(String literal) throws ParseException {
        return JSONObjectUtils.parse("{\"v\":" + literal + "}").get("v");
    }
}
