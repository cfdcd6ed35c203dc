package dev.portcullis.adapters.http.token;

import static dev.portcullis.adapters.http.clientauth.BasicCredentialsTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Parsed;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestParserTest {

    private static final Issuer ISSUER = new Issuer("https://auth.example.com");
    private static final List<String> BASIC_APP = List.of(basic("app:pw"));

    private static ClientRequestParse<TokenRequest> parse(String body, List<String> authorization) {
        return TokenRequestParser.parse(((FormBody.Parsed) FormBody.parse(body)).form(), authorization, ISSUER, "192.0.2.1");
    }

    private static TokenRequest parsed(String body, List<String> authorization) {
        ClientRequestParse<TokenRequest> outcome = parse(body, authorization);
        assertThat(outcome).isInstanceOf(Parsed.class);
        return ((Parsed<TokenRequest>) outcome).request();
    }

    private static Failed<TokenRequest> failed(String body, List<String> authorization) {
        ClientRequestParse<TokenRequest> outcome = parse(body, authorization);
        assertThat(outcome).isInstanceOf(Failed.class);
        return (Failed) outcome;
    }

    @Test
    void client_credentials_with_basic_and_scope() {
        TokenRequest request = parsed("grant_type=client_credentials&scope=read+write", BASIC_APP);

        assertThat(request.credentials()).isEqualTo(PresentedCredentials.basic(new ClientId("app"), "pw"));
        assertThat(request.grant()).isEqualTo(new ClientCredentialsGrant(ScopeSet.of("read", "write")));
        assertThat(request.issuer()).isEqualTo(ISSUER);
    }

    @Test
    void no_scope_asks_for_the_defaults_with_an_empty_set() {
        assertThat(parsed("grant_type=client_credentials&client_id=app&client_secret=pw", List.of()).grant())
                .isEqualTo(new ClientCredentialsGrant(ScopeSet.empty()));
        assertThat(parsed("grant_type=client_credentials&scope=", BASIC_APP).grant())
                .isEqualTo(new ClientCredentialsGrant(ScopeSet.empty()));
    }

    @Test
    void missing_grant_type_is_invalid_request() {
        assertThat(failed("scope=read", BASIC_APP).error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(failed("grant_type=", BASIC_APP).error()).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void an_unknown_grant_type_is_unsupported_grant_type() {
        Failed<TokenRequest> failed = failed("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", BASIC_APP);

        assertThat(failed.error()).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @Test
    void grant_type_is_case_sensitive() {
        assertThat(failed("grant_type=Client_Credentials", BASIC_APP).error()).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    // --- authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.5)

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void authorization_code_from_a_public_client_with_its_verifier_and_redirect_uri() {
        TokenRequest request = parsed("grant_type=authorization_code&code=Splx10BeZQQYbYS6WxSbIA&client_id=spa"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcallback&code_verifier=" + VERIFIER, List.of());

        assertThat(request.credentials()).isEqualTo(PresentedCredentials.publicClient(new ClientId("spa")));
        assertThat(request.grant()).isEqualTo(new AuthorizationCodeGrant("Splx10BeZQQYbYS6WxSbIA",
                Optional.of(URI.create("http://127.0.0.1:9999/callback")), VERIFIER));
    }

    @Test
    void authorization_code_without_redirect_uri_passes_it_on_as_absent() {
        assertThat(parsed("grant_type=authorization_code&code=c&code_verifier=" + VERIFIER, BASIC_APP).grant())
                .isEqualTo(new AuthorizationCodeGrant("c", Optional.empty(), VERIFIER));
    }

    @Test
    void authorization_code_ignores_a_scope_the_grant_does_not_define() {
        assertThat(parsed("grant_type=authorization_code&code=c&scope=%22&code_verifier=" + VERIFIER, BASIC_APP).grant())
                .isEqualTo(new AuthorizationCodeGrant("c", Optional.empty(), VERIFIER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=authorization_code&code_verifier=" + VERIFIER,
            "grant_type=authorization_code&code=&code_verifier=" + VERIFIER,
            "grant_type=authorization_code&code=c",
            "grant_type=authorization_code&code=c&code_verifier=",
            "grant_type=authorization_code&code=c&code_verifier=" + VERIFIER + "&redirect_uri=http%3A%2F%2Fa%20b%2F",
            "grant_type=authorization_code&code=c&code=d&code_verifier=" + VERIFIER,
            "grant_type=authorization_code&code=c&code_verifier=" + VERIFIER + "&code_verifier=" + VERIFIER,
            "grant_type=authorization_code&code=c&code_verifier=" + VERIFIER + "&redirect_uri=x%3A%2Fa&redirect_uri=x%3A%2Fa"})
    void authorization_code_missing_repeated_or_malformed_parameters_are_invalid_request(String body) {
        assertThat(failed(body, BASIC_APP).error()).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    // --- password (RFC 6749 §4.3.2)

    @Test
    void password_with_username_password_and_scope() {
        TokenRequest request = parsed("grant_type=password&username=admin&password=s%3Acret+%26&scope=read", BASIC_APP);

        assertThat(request.grant()).isEqualTo(new PasswordGrant(new Username("admin"), "s:cret &", ScopeSet.of("read")));
    }

    @Test
    void password_without_scope_asks_for_the_defaults() {
        assertThat(parsed("grant_type=password&username=z%C3%B6e&password=pw", BASIC_APP).grant())
                .isEqualTo(new PasswordGrant(new Username("zöe"), "pw", ScopeSet.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=password&password=pw", "grant_type=password&username=admin",
            "grant_type=password&username=&password=pw", "grant_type=password&username=admin&password=",
            "grant_type=password&username=+++&password=pw", "grant_type=password&username=a%0Ab&password=pw",
            "grant_type=password&username=admin&username=root&password=pw",
            "grant_type=password&username=admin&password=a&password=b"})
    void password_missing_repeated_or_malformed_parameters_are_invalid_request(String body) {
        assertThat(failed(body, BASIC_APP).error()).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void password_with_a_malformed_scope_is_invalid_scope() {
        assertThat(failed("grant_type=password&username=admin&password=pw&scope=+read", BASIC_APP).error())
                .isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void a_refusal_never_logs_the_password() {
        assertThat(failed("grant_type=password&username=a%0Ab&password=hunter2", BASIC_APP).reason()).doesNotContain("hunter2");
    }

    // --- refresh_token (RFC 6749 §6)

    @Test
    void refresh_token_with_and_without_scope() {
        assertThat(parsed("grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA", BASIC_APP).grant())
                .isEqualTo(new RefreshTokenGrant("tGzv3JOkF0XG5Qx2TlKWIA", ScopeSet.empty()));
        assertThat(parsed("grant_type=refresh_token&refresh_token=rt&scope=read", BASIC_APP).grant())
                .isEqualTo(new RefreshTokenGrant("rt", ScopeSet.of("read")));
    }

    @Test
    void refresh_token_from_a_public_client() {
        TokenRequest request = parsed("grant_type=refresh_token&refresh_token=rt&client_id=spa", List.of());

        assertThat(request.credentials()).isEqualTo(PresentedCredentials.publicClient(new ClientId("spa")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=refresh_token", "grant_type=refresh_token&refresh_token=",
            "grant_type=refresh_token&refresh_token=a&refresh_token=b"})
    void refresh_token_missing_or_repeated_is_invalid_request(String body) {
        assertThat(failed(body, BASIC_APP).error()).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void refresh_token_with_a_malformed_scope_is_invalid_scope() {
        assertThat(failed("grant_type=refresh_token&refresh_token=rt&scope=read++write", BASIC_APP).error())
                .isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void every_grant_type_is_parsed() {
        assertThat(TokenRequestParser.PARSED_GRANT_TYPES).containsExactlyInAnyOrder(GrantType.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=client_credentials&grant_type=client_credentials",
            "grant_type=client_credentials&scope=a&scope=b",
            "grant_type=client_credentials&password=a&password=b",
            "grant_type=client_credentials&code=a&code=a"})
    void a_recognized_parameter_sent_twice_is_invalid_request(String body) {
        assertThat(failed(body, BASIC_APP).error()).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void an_unrecognized_parameter_is_ignored_even_when_repeated() {
        assertThat(parse("grant_type=client_credentials&foo=1&foo=2", BASIC_APP)).isInstanceOf(Parsed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read++write", "+read", "read+", "a%22b", "a%5Cb", "caf%C3%A9"})
    void a_malformed_scope_is_invalid_scope(String scope) {
        assertThat(failed("grant_type=client_credentials&scope=" + scope, BASIC_APP).error())
                .isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void credential_refusals_pass_through_with_their_challenge() {
        Failed<TokenRequest> none = failed("grant_type=client_credentials", List.of());
        Failed<TokenRequest> both = failed("grant_type=client_credentials&client_secret=pw", BASIC_APP);

        assertThat(none.error()).isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(none.challengeBasic()).isTrue();
        assertThat(both.error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(both.challengeBasic()).isFalse();
    }

    @Test
    void the_grant_is_checked_before_the_credentials() {
        assertThat(failed("grant_type=nope", List.of()).error()).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @Test
    void a_refusal_reason_does_not_carry_control_characters_from_the_request() {
        assertThat(failed("grant_type=x%0Ay", BASIC_APP).reason()).doesNotContain("\n");
    }
}
