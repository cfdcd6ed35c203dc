package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The hand-written JSON string escaper must write what a JSON parser (Nimbus', as verifiers use) reads back. */
class AccessTokenPayloadTest {

    @Property(tries = 2_000)
    void anyStringRoundTripsThroughNimbus(@ForAll @StringLength(max = 40) String value) throws ParseException {
        assertThat(parsed(AccessTokenPayload.string(value))).isEqualTo(value);
    }

    @Property(tries = 1_000)
    void controlAndEscapeCharactersRoundTrip(@ForAll @StringLength(max = 20)
                                             @CharRange(from = '\u0000', to = '\u0040') @Chars({'\\', '\u2028', '\u2029', '\u007f'})
                                             String value) throws ParseException {
        assertThat(parsed(AccessTokenPayload.string(value))).isEqualTo(value);
    }

    @Test
    void escapesWhatJsonRequiresAndNothingElse() {
        assertThat(AccessTokenPayload.string("a\"b\\c\n\u0001\u2028é/"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u2028é/\"");
    }

    private static Object parsed(String literal) throws ParseException {
        return JSONObjectUtils.parse("{\"v\":" + literal + "}").get("v");
    }
}
