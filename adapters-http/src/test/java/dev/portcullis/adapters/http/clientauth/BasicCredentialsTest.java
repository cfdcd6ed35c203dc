package dev.portcullis.adapters.http.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.clientauth.BasicCredentials.Found;
import dev.portcullis.adapters.http.clientauth.BasicCredentials.Malformed;
import dev.portcullis.adapters.http.clientauth.BasicCredentials.OtherScheme;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class BasicCredentialsTest {

    /** What a client sends: base64 of the already form-urlencoded {@code id:secret} (RFC 6749 §2.3.1). */
    public static String basic(String encodedIdColonSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(encodedIdColonSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static BasicCredentials found(String header) {
        BasicCredentials.Parse parse = BasicCredentials.parse(header);
        assertThat(parse).isInstanceOf(Found.class);
        return ((Found) parse).credentials();
    }

    @Test
    void reads_id_and_secret() {
        assertThat(found(basic("service-a:s3cret"))).isEqualTo(new BasicCredentials("service-a", "s3cret"));
    }

    @Test
    void form_urlencoding_decodes_the_id() {
        assertThat(found(basic("my%20app:x")).clientId()).isEqualTo("my app");
        assertThat(found(basic("my+app:x")).clientId()).isEqualTo("my app");
    }

    @Test
    void splits_at_the_first_colon_so_the_secret_may_hold_raw_colons() {
        assertThat(found(basic("id:a:b:c")).secret()).isEqualTo("a:b:c");
    }

    @Test
    void an_encoded_colon_in_the_id_does_not_split() {
        BasicCredentials credentials = found(basic("urn%3Aclient:pa%3Ass"));

        assertThat(credentials.clientId()).isEqualTo("urn:client");
        assertThat(credentials.secret()).isEqualTo("pa:ss");
    }

    @Test
    void decodes_escaped_utf_8() {
        assertThat(found(basic("caf%C3%A9:x")).clientId()).isEqualTo("café");
    }

    @Test
    void an_empty_secret_is_still_credentials_that_will_fail_authentication() {
        assertThat(found(basic("id:")).secret()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC", "bAsIc"})
    void the_scheme_is_case_insensitive(String scheme) {
        String header = scheme + " " + Base64.getEncoder().encodeToString("id:pw".getBytes(StandardCharsets.UTF_8));

        assertThat(found(header).clientId()).isEqualTo("id");
    }

    @Test
    void no_colon_is_malformed() {
        assertThat(BasicCredentials.parse(basic("just-an-id"))).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!notbase64", "Basic a", "Basic ", "Basic", "Basic aWQ6cHc=garbage"})
    void bad_base64_or_no_credentials_is_malformed(String header) {
        assertThat(BasicCredentials.parse(header)).isInstanceOf(Malformed.class);
    }

    @Test
    void bad_escapes_or_invalid_utf_8_are_malformed() {
        assertThat(BasicCredentials.parse(basic("id%ZZ:pw"))).isInstanceOf(Malformed.class);
        assertThat(BasicCredentials.parse(basic("id:pw%FF"))).isInstanceOf(Malformed.class);
        byte[] latin1 = {'i', 'd', ':', (byte) 0xE9};
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(latin1)))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void an_empty_header_is_malformed() {
        assertThat(BasicCredentials.parse("  ")).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "Digest username=\"x\"", "Basicx aWQ6cHc=", "Negotiate"})
    void another_scheme_is_not_basic(String header) {
        assertThat(BasicCredentials.parse(header)).isInstanceOf(OtherScheme.class);
    }

    @Test
    void to_string_never_shows_the_secret() {
        assertThat(found(basic("id:hunter2")).toString()).contains("id").doesNotContain("hunter2");
    }
}
