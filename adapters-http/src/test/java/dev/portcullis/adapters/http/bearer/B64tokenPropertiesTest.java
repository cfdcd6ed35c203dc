package dev.portcullis.adapters.http.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The hand-written b64token check accepts exactly what RFC 6750 §2.1's grammar, as a regex, accepts. */
class B64tokenPropertiesTest {

    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    @Property(tries = 3_000)
    void agreesWithTheGrammarOnNearlyValidTokens(@ForAll @StringLength(max = 12)
                                                 @CharRange(from = 'x', to = 'z') @Chars({'-', '.', '_', '~', '+', '/', '=', ' ', '%', ',', '"', '\u00e9'})
                                                 String token) {
        assertThat(BearerToken.isB64token(token)).as(token).isEqualTo(GRAMMAR.matcher(token).matches());
    }

    @Property(tries = 2_000)
    void agreesWithTheGrammarOnAnyString(@ForAll @StringLength(max = 20) String token) {
        assertThat(BearerToken.isB64token(token)).isEqualTo(GRAMMAR.matcher(token).matches());
    }
}
