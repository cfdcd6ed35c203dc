package dev.portcullis.adapters.http.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.form.FormBody.Absent;
import dev.portcullis.adapters.http.form.FormBody.Malformed;
import dev.portcullis.adapters.http.form.FormBody.Parsed;
import dev.portcullis.adapters.http.form.FormBody.Repeated;
import dev.portcullis.adapters.http.form.FormBody.Single;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

    private static FormBody form(String body) {
        FormBody.Result result = FormBody.parse(body);
        assertThat(result).isInstanceOf(Parsed.class);
        return ((Parsed) result).form();
    }

    @Test
    void reads_names_and_values() {
        FormBody form = form("grant_type=client_credentials&scope=read");

        assertThat(form.param("grant_type")).isEqualTo(new Single("client_credentials"));
        assertThat(form.param("scope")).isEqualTo(new Single("read"));
        assertThat(form.param("client_id")).isEqualTo(new Absent());
        assertThat(form.names()).containsExactly("grant_type", "scope");
    }

    @Test
    void keeps_every_value_of_a_repeated_name_so_the_repeat_can_be_refused() {
        FormBody form = form("scope=read&grant_type=x&scope=write");

        assertThat(form.param("scope")).isEqualTo(new Repeated(2));
        assertThat(form.all("scope")).containsExactly("read", "write");
    }

    @Test
    void repeated_names_the_given_names_sent_more_than_once_in_the_given_order() {
        FormBody form = form("token=a&client_id=x&scope=r&token=b&scope=w&scope=&client_id=");

        assertThat(form.repeated(java.util.List.of("client_id", "scope", "token", "other"))).containsExactly("scope", "token");
        assertThat(form.repeated(java.util.List.of("client_id", "other"))).isEmpty();
    }

    @Test
    void plus_and_percent_20_are_both_a_space() {
        FormBody form = form("scope=read+write&other=a%20b");

        assertThat(form.param("scope")).isEqualTo(new Single("read write"));
        assertThat(form.param("other")).isEqualTo(new Single("a b"));
    }

    @Test
    void a_percent_encoded_plus_stays_a_plus_and_names_are_decoded_too() {
        FormBody form = form("client%5Fsecret=a%2Bb%3D%26c");

        assertThat(form.param("client_secret")).isEqualTo(new Single("a+b=&c"));
    }

    @Test
    void decodes_utf_8_escapes_and_raw_utf_8_bytes() {
        assertThat(form("name=caf%C3%A9").param("name")).isEqualTo(new Single("café"));
        assertThat(form("name=café").param("name")).isEqualTo(new Single("café"));
    }

    @Test
    void an_equals_sign_after_the_first_belongs_to_the_value() {
        assertThat(form("k=a=b").param("k")).isEqualTo(new Single("a=b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%G1", "a=%4G", "a=b%", "a%=b", "a=%%41"})
    void a_malformed_percent_escape_is_a_parse_failure(String body) {
        assertThat(FormBody.parse(body)).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%FF", "a=%C3%28", "a=%C0%AF", "a=%ED%A0%80", "a=%E2%82"})
    void percent_escapes_that_are_not_utf_8_are_a_parse_failure(String body) {
        assertThat(FormBody.parse(body)).isInstanceOf(Malformed.class);
    }

    @Test
    void raw_bytes_that_are_not_utf_8_are_a_parse_failure() {
        byte[] body = "a=".getBytes(StandardCharsets.US_ASCII);
        byte[] latin1 = new byte[] {body[0], body[1], (byte) 0xE9};

        assertThat(FormBody.parse(latin1)).isInstanceOf(Malformed.class);
    }

    @Test
    void the_failure_reason_does_not_echo_the_body() {
        FormBody.Result result = FormBody.parse("client_secret=top%ZZsecret");

        assertThat(result).isInstanceOf(Malformed.class);
        assertThat(((Malformed) result).reason()).doesNotContain("secret");
    }

    @Test
    void empty_values_are_treated_as_omitted() {
        FormBody form = form("scope=&grant_type=client_credentials&client_id");

        assertThat(form.param("scope")).isEqualTo(new Absent());
        assertThat(form.param("client_id")).isEqualTo(new Absent());
        assertThat(form.names()).containsExactly("grant_type");
    }

    @Test
    void an_empty_value_next_to_a_real_one_is_not_a_repeat() {
        assertThat(form("scope=&scope=read").param("scope")).isEqualTo(new Single("read"));
    }

    @Test
    void empty_pairs_and_empty_names_are_skipped() {
        FormBody form = form("&a=1&&=orphan&b=2&");

        assertThat(form.names()).containsExactly("a", "b");
    }

    @Test
    void an_empty_body_is_an_empty_form() {
        assertThat(form("").names()).isEmpty();
    }

    @Test
    void to_string_shows_names_but_not_values() {
        assertThat(form("client_secret=hunter2").toString()).contains("client_secret").doesNotContain("hunter2");
    }
}
