package dev.portcullis.adapters.http.clientauth;

import static dev.portcullis.adapters.http.clientauth.BasicCredentialsTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Extracted;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Extraction;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Refused;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCredentialsExtractionTest {

    private static final ClientId APP = new ClientId("app");

    private static FormBody form(String body) {
        return ((FormBody.Parsed) FormBody.parse(body)).form();
    }

    private static Extraction extract(List<String> authorization, String body) {
        return ClientCredentialsExtraction.extract(authorization, form(body));
    }

    private static Extraction extract(String body) {
        return extract(List.of(), body);
    }

    private static void assertRefused(Extraction actual, OAuthError error, boolean challenge) {
        assertThat(actual).isInstanceOf(Refused.class);
        Refused r = (Refused) actual;
        assertThat(r.error()).isEqualTo(error);
        assertThat(r.challengeBasic()).as("challengeBasic").isEqualTo(challenge);
        assertThat(r.reason()).isNotBlank();
    }

    // --- one method each

    @Test
    void basic_header_is_client_secret_basic() {
        assertThat(extract(List.of(basic("app:pw")), "grant_type=x"))
                .isEqualTo(new Extracted(PresentedCredentials.basic(APP, "pw")));
    }

    @Test
    void basic_header_with_an_equal_form_client_id_is_client_secret_basic() {
        assertThat(extract(List.of(basic("app:pw")), "client_id=app"))
                .isEqualTo(new Extracted(PresentedCredentials.basic(APP, "pw")));
    }

    @Test
    void form_id_and_secret_are_client_secret_post() {
        assertThat(extract("client_id=app&client_secret=pw"))
                .isEqualTo(new Extracted(PresentedCredentials.post(APP, "pw")));
    }

    @Test
    void a_bare_form_client_id_is_a_public_client() {
        assertThat(extract("client_id=app")).isEqualTo(new Extracted(PresentedCredentials.publicClient(APP)));
    }

    @Test
    void an_empty_client_secret_is_omitted_so_the_client_presents_itself_as_public() {
        assertThat(extract("client_id=app&client_secret=")).isEqualTo(new Extracted(PresentedCredentials.publicClient(APP)));
    }

    @Test
    void form_fields_are_form_decoded() {
        assertThat(extract("client_id=my+app&client_secret=a%3Ab"))
                .isEqualTo(new Extracted(PresentedCredentials.post(new ClientId("my app"), "a:b")));
    }

    // --- nothing

    @Test
    void no_credentials_at_all_is_invalid_client_with_a_basic_challenge() {
        assertRefused(extract("grant_type=client_credentials"), OAuthError.INVALID_CLIENT, true);
    }

    // --- two methods, or contradictions

    @Test
    void basic_header_and_form_client_secret_is_invalid_request() {
        assertRefused(extract(List.of(basic("app:pw")), "client_id=app&client_secret=pw"), OAuthError.INVALID_REQUEST, false);
        assertRefused(extract(List.of(basic("app:pw")), "client_secret=pw"), OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void basic_header_and_a_different_form_client_id_is_invalid_request() {
        assertRefused(extract(List.of(basic("app:pw")), "client_id=other"), OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void client_secret_without_client_id_is_invalid_request() {
        assertRefused(extract("client_secret=pw"), OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void two_authorization_headers_is_invalid_request() {
        assertRefused(extract(List.of(basic("app:pw"), basic("app:pw")), ""), OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void a_repeated_client_id_or_client_secret_is_invalid_request() {
        assertRefused(extract("client_id=app&client_id=app"), OAuthError.INVALID_REQUEST, false);
        assertRefused(extract("client_id=app&client_secret=a&client_secret=b"), OAuthError.INVALID_REQUEST, false);
        assertRefused(extract(List.of(basic("app:pw")), "client_id=app&client_id=app"), OAuthError.INVALID_REQUEST, false);
    }

    // --- syntax

    @Test
    void malformed_basic_is_invalid_request() {
        assertRefused(extract(List.of("Basic %%%"), ""), OAuthError.INVALID_REQUEST, false);
        assertRefused(extract(List.of(basic("no-colon")), ""), OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void a_client_id_that_is_not_vschar_is_invalid_request() {
        assertRefused(extract("client_id=bad%0Aid"), OAuthError.INVALID_REQUEST, false);
        assertRefused(extract("client_id=" + "x".repeat(256) + "&client_secret=pw"), OAuthError.INVALID_REQUEST, false);
        assertRefused(extract(List.of(basic("caf%C3%A9:pw")), ""), OAuthError.INVALID_REQUEST, false);
        assertRefused(extract(List.of(basic(":pw")), ""), OAuthError.INVALID_REQUEST, false);
    }

    // --- other schemes

    @Test
    void another_scheme_is_an_unsupported_method_so_invalid_client_with_a_basic_challenge() {
        assertRefused(extract(List.of("Bearer abc.def.ghi"), "client_id=app"), OAuthError.INVALID_CLIENT, true);
    }

    @Test
    void another_scheme_plus_a_form_secret_is_two_methods() {
        assertRefused(extract(List.of("Bearer abc"), "client_id=app&client_secret=pw"), OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void reasons_never_hold_the_secret() {
        Extraction e = extract(List.of(basic("app:hunter2")), "client_id=other");

        assertThat(((Refused) e).reason()).doesNotContain("hunter2");
    }
}
