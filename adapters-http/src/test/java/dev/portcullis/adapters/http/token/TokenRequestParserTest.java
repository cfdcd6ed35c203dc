package dev.portcullis.adapters.http.token;

import static dev.portcullis.adapters.http.token.BasicCredentialsTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.edge.FormBody;
import dev.portcullis.adapters.http.token.TokenRequestParser.Failed;
import dev.portcullis.adapters.http.token.TokenRequestParser.Outcome;
import dev.portcullis.adapters.http.token.TokenRequestParser.Parsed;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestParserTest {

    private static final Issuer ISSUER = new Issuer("https://auth.example.com");
    private static final List<String> BASIC_APP = List.of(basic("app:pw"));

    private static Outcome parse(String body, List<String> authorization) {
        return TokenRequestParser.parse(((FormBody.Parsed) FormBody.parse(body)).form(), authorization, ISSUER);
    }

    private static TokenRequest parsed(String body, List<String> authorization) {
        Outcome outcome = parse(body, authorization);
        assertThat(outcome).isInstanceOf(Parsed.class);
        return ((Parsed) outcome).request();
    }

    private static Failed failed(String body, List<String> authorization) {
        Outcome outcome = parse(body, authorization);
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
        Failed failed = failed("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", BASIC_APP);

        assertThat(failed.error()).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @Test
    void grant_type_is_case_sensitive() {
        assertThat(failed("grant_type=Client_Credentials", BASIC_APP).error()).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization_code", "password", "refresh_token"})
    void known_grants_not_served_yet_are_unsupported_grant_type(String grantType) {
        assertThat(failed("grant_type=" + grantType, BASIC_APP).error()).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
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
        Failed none = failed("grant_type=client_credentials", List.of());
        Failed both = failed("grant_type=client_credentials&client_secret=pw", BASIC_APP);

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
