package dev.portcullis.adapters.http.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.domain.testing.Chars;
import dev.portcullis.domain.testing.Gen;
import dev.portcullis.domain.testing.PropertyRunner;
import dev.portcullis.domain.testing.PropertyTest;
import java.util.regex.Pattern;

/** The hand-written b64token check accepts exactly what RFC 6750 §2.1's grammar, as a regex, accepts. */
class B64tokenPropertiesTest {

    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** A few token characters, every other kind of token character, padding, and what sits next to them in headers. */
    private static final Chars NEARLY_TOKEN = Chars.range('x', 'z').and(Chars.of("-._~+/= %,\"\u00e9"));

    @PropertyTest(tries = 3_000)
    void agreesWithTheGrammarOnNearlyValidTokens(Gen any) {
        String token = any.string(NEARLY_TOKEN, 0, 12);
        assertThat(BearerToken.isB64token(token)).as(token).isEqualTo(GRAMMAR.matcher(token).matches());
    }

    @PropertyTest(tries = 2_000)
    void agreesWithTheGrammarOnAnyString(Gen any) {
        String token = any.anyString(20);
        assertThat(BearerToken.isB64token(token)).isEqualTo(GRAMMAR.matcher(token).matches());
    }

    /** Coverage-guided fuzzing of both: {@code JAZZER_FUZZ=1 ./mvnw -pl adapters-http -am test -Dtest=B64tokenPropertiesTest -Dsurefire.failIfNoSpecifiedTests=false}. */
    @FuzzTest(maxDuration = "60s")
    void fuzzed(FuzzedDataProvider data) throws Throwable {
        PropertyRunner.fuzz(this, data);
    }
}
