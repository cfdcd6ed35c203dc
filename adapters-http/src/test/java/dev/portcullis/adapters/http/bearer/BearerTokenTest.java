package dev.portcullis.adapters.http.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.bearer.BearerToken.Malformed;
import dev.portcullis.adapters.http.bearer.BearerToken.Missing;
import dev.portcullis.adapters.http.bearer.BearerToken.OtherScheme;
import dev.portcullis.adapters.http.bearer.BearerToken.Present;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

    @Test
    void no_header_is_missing() {
        assertThat(BearerToken.parse(List.of())).isInstanceOf(Missing.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer aaa.bbb.ccc", "bearer aaa.bbb.ccc", "BEARER aaa.bbb.ccc", "Bearer   aaa.bbb.ccc"})
    void reads_the_token_whatever_the_scheme_case(String header) {
        assertThat(BearerToken.parse(List.of(header))).isEqualTo(new Present("aaa.bbb.ccc"));
    }

    @Test
    void accepts_every_b64token_character_and_trailing_padding() {
        String token = "AZaz09-._~+/==";

        assertThat(BearerToken.parse(List.of("Bearer " + token))).isEqualTo(new Present(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer a=b", "Bearer =abc", "Bearer a,b", "Bearer \"abc\"",
            "Bearer abc!", "  "})
    void a_bad_bearer_header_is_malformed(String header) {
        assertThat(BearerToken.parse(List.of(header))).isInstanceOf(Malformed.class);
    }

    @Test
    void two_headers_are_malformed() {
        assertThat(BearerToken.parse(List.of("Bearer a", "Bearer b"))).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic aWQ6cHc=", "Bearerx abc", "Token abc", "DPoP abc"})
    void another_scheme_is_other_scheme(String header) {
        assertThat(BearerToken.parse(List.of(header))).isInstanceOf(OtherScheme.class);
    }

    @Test
    void to_string_never_shows_the_token() {
        assertThat(new Present("secret-token").toString()).doesNotContain("secret-token");
    }
}
