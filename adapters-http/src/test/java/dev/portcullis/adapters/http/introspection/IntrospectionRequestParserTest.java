package dev.portcullis.adapters.http.introspection;

import static dev.portcullis.adapters.http.clientauth.BasicCredentialsTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Parsed;
import dev.portcullis.application.port.in.IntrospectToken.Caller;
import dev.portcullis.application.port.in.IntrospectToken.IntrospectionRequest;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.TokenTypeHint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntrospectionRequestParserTest {

    private static final Issuer ISSUER = new Issuer("https://auth.example.com");

    private static ClientRequestParse<IntrospectionRequest> parse(List<String> authorization, String body) {
        return IntrospectionRequestParser.parse(((FormBody.Parsed) FormBody.parse(body)).form(), authorization, ISSUER);
    }

    private static void assertFailed(ClientRequestParse<IntrospectionRequest> outcome, OAuthError error) {
        assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    @Test
    void aClientCallerAuthenticatesAsAtTheTokenEndpoint() {
        assertThat(parse(List.of(basic("rs:pw")), "token=abc&token_type_hint=access_token")).isEqualTo(new Parsed<>(
                new IntrospectionRequest(new Caller.ClientCaller(PresentedCredentials.basic(new ClientId("rs"), "pw")), "abc",
                        Optional.of(TokenTypeHint.ACCESS_TOKEN), ISSUER)));
    }

    @Test
    void aBearerCallerPresentsItsOwnAccessToken() {
        assertThat(parse(List.of("Bearer my.own.token"), "token=abc")).isEqualTo(new Parsed<>(
                new IntrospectionRequest(new Caller.BearerCaller("my.own.token"), "abc", Optional.empty(), ISSUER)));
    }

    @Test
    void aBearerWithFormCredentialsIsTwoMethods() {
        assertFailed(parse(List.of("Bearer my.own.token"), "token=abc&client_id=rs&client_secret=pw"), OAuthError.INVALID_REQUEST);
        assertFailed(parse(List.of("Bearer my.own.token"), "token=abc&client_id=rs"), OAuthError.INVALID_REQUEST);
    }

    @Test
    void aMalformedBearerHeaderIsInvalidRequest() {
        assertFailed(parse(List.of("Bearer"), "token=abc"), OAuthError.INVALID_REQUEST);
        assertFailed(parse(List.of("Bearer a b"), "token=abc"), OAuthError.INVALID_REQUEST);
        assertFailed(parse(List.of("Bearer x", "Basic eDp5"), "token=abc"), OAuthError.INVALID_REQUEST);
    }

    @Test
    void noCredentialsAtAllIsInvalidClientWithAChallenge() {
        assertThat(parse(List.of(), "token=abc")).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.error()).isEqualTo(OAuthError.INVALID_CLIENT);
            assertThat(f.challengeBasic()).isTrue();
        });
    }

    @Test
    void aMissingOrRepeatedTokenIsInvalidRequest() {
        assertFailed(parse(List.of(basic("rs:pw")), "token_type_hint=access_token"), OAuthError.INVALID_REQUEST);
        assertFailed(parse(List.of(basic("rs:pw")), "token=a&token=b"), OAuthError.INVALID_REQUEST);
    }
}
