package dev.portcullis.adapters.http.revocation;

import static dev.portcullis.adapters.http.clientauth.BasicCredentialsTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Parsed;
import dev.portcullis.application.port.in.RevokeToken.RevocationRequest;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.TokenTypeHint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationRequestParserTest {

    private static final ClientId APP = new ClientId("app");

    private static ClientRequestParse<RevocationRequest> parse(List<String> authorization, String body) {
        return RevocationRequestParser.parse(((FormBody.Parsed) FormBody.parse(body)).form(), authorization);
    }

    private static void assertFailed(ClientRequestParse<RevocationRequest> outcome, OAuthError error, boolean challenge) {
        assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.error()).isEqualTo(error);
            assertThat(f.challengeBasic()).isEqualTo(challenge);
        });
    }

    @Test
    void aTokenWithBasicCredentialsAndAHint() {
        assertThat(parse(List.of(basic("app:pw")), "token=abc&token_type_hint=refresh_token")).isEqualTo(new Parsed<>(
                new RevocationRequest(PresentedCredentials.basic(APP, "pw"), "abc", Optional.of(TokenTypeHint.REFRESH_TOKEN))));
    }

    @Test
    void credentialsInTheFormAndNoHint() {
        assertThat(parse(List.of(), "token=abc&client_id=app&client_secret=pw")).isEqualTo(new Parsed<>(
                new RevocationRequest(PresentedCredentials.post(APP, "pw"), "abc", Optional.empty())));
    }

    @Test
    void anUnknownHintIsIgnored() {
        assertThat(parse(List.of(basic("app:pw")), "token=abc&token_type_hint=id_token"))
                .isInstanceOfSatisfying(Parsed.class, p -> assertThat(((RevocationRequest) p.request()).hint()).isEmpty());
    }

    @Test
    void aMissingTokenIsInvalidRequest() {
        assertFailed(parse(List.of(basic("app:pw")), "token_type_hint=access_token"), OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void repeatedParametersAreInvalidRequest() {
        assertFailed(parse(List.of(basic("app:pw")), "token=a&token=b"), OAuthError.INVALID_REQUEST, false);
        assertFailed(parse(List.of(basic("app:pw")), "token=a&token_type_hint=access_token&token_type_hint=refresh_token"),
                OAuthError.INVALID_REQUEST, false);
    }

    @Test
    void clientAuthenticationIsExactlyTheTokenEndpoints() {
        assertFailed(parse(List.of(), "token=abc"), OAuthError.INVALID_CLIENT, true);
        assertFailed(parse(List.of("Bearer xyz"), "token=abc"), OAuthError.INVALID_CLIENT, true);
        assertFailed(parse(List.of(basic("app:pw")), "token=abc&client_secret=pw"), OAuthError.INVALID_REQUEST, false);
        assertFailed(parse(List.of(), "token"), OAuthError.INVALID_CLIENT, true);
    }
}
