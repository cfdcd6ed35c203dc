package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Flows.exchange;
import static dev.portcullis.bootstrap.Flows.ok;
import static dev.portcullis.bootstrap.Flows.password;
import static dev.portcullis.bootstrap.Flows.passwordTokens;
import static dev.portcullis.bootstrap.Flows.plantCode;
import static dev.portcullis.bootstrap.Flows.refresh;
import static dev.portcullis.bootstrap.Flows.whoami;
import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.headers;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.bootstrap.Flows.PlantedCode;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * password, refresh_token and authorization_code (+ PKCE) against the real server on the embedded
 * default, with the dev credentials: every RFC 6749 §5.2 error of these flows, with its status.
 */
class GrantsEndToEndTest {

    private static RunningServer portcullis;

    /** Besides the dev clients: batch (no refresh_token grant) and webapp (a confidential authorization_code client). */
    @BeforeAll
    static void start() {
        portcullis = RunningServer.start();
        SecretHasher secrets = SecretHashers.forClientSecrets(Clock.systemUTC());
        portcullis.server.storage().clients().save(Client.confidential(new ClientId("batch"), secrets.hash("batch-secret"))
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD))
                .allowedScopes(ScopeSet.of("read"))
                .build());
        portcullis.server.storage().clients().save(Client.confidential(new ClientId("webapp"), secrets.hash("webapp-secret"))
                .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE))
                .redirectUris(List.of(URI.create("https://webapp.example/callback")))
                .allowedScopes(ScopeSet.of("read"))
                .build());
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    private static JWTClaimsSet claims(JsonNode tokens) {
        try {
            return SignedJWT.parse(tokens.get("access_token").asText()).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).isEqualTo(error);
        assertThat(headers(response).get("cache-control")).isEqualTo("no-store");
    }

    private static HttpResponse<String> token(String... pairs) {
        return portcullis.postForm("/token", form(pairs));
    }

    @Nested
    class Password {

        @Test
        void theUserGetsAnAccessAndARefreshToken() {
            HttpResponse<String> response = password(portcullis);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(headers(response).get("cache-control")).isEqualTo("no-store");
            JsonNode body = json(response);
            assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(body.get("expires_in").asInt()).isEqualTo(900);
            assertThat(body.get("scope").asText()).isEqualTo("read write");
            assertThat(body.get("refresh_token").asText()).hasSizeGreaterThanOrEqualTo(43);
            JWTClaimsSet claims = claims(body);
            assertThat(claims.getSubject()).isEqualTo("admin");
            assertThat(claims.getClaim("client_id")).isEqualTo("myapp");
            assertThat(claims.getClaim("roles")).isEqualTo(List.of("admin"));
            assertThat(whoami(portcullis, body.get("access_token").asText())).isEqualTo(200);
        }

        @Test
        void basicAuthenticationAndAScopeWork() {
            HttpResponse<String> response = portcullis.postForm("/token",
                    "grant_type=password&username=admin&password=secret&scope=read", "Authorization", basic("myapp", "secret"));

            assertThat(json(response).get("scope").asText()).isEqualTo("read");
            assertThat(claims(ok(response)).getSubject()).isEqualTo("admin");
        }

        @Test
        void everyPasswordGrantGetsItsOwnRefreshToken() {
            assertThat(passwordTokens(portcullis).get("refresh_token").asText())
                    .isNotEqualTo(passwordTokens(portcullis).get("refresh_token").asText());
        }

        @Test
        void aClientWithoutTheRefreshGrantGetsNoRefreshToken() {
            JsonNode body = ok(token("grant_type", "password", "username", "admin", "password", "secret",
                    "client_id", "batch", "client_secret", "batch-secret"));

            assertThat(body.has("refresh_token")).isFalse();
            assertThat(claims(body).getSubject()).isEqualTo("admin");
        }

        @Test
        void aWrongPasswordOrAnUnknownUserIsInvalidGrant() {
            assertError(token("grant_type", "password", "username", "admin", "password", "wrong",
                    "client_id", "myapp", "client_secret", "secret"), 400, "invalid_grant");
            assertError(token("grant_type", "password", "username", "nobody", "password", "secret",
                    "client_id", "myapp", "client_secret", "secret"), 400, "invalid_grant");
        }

        @Test
        void aMissingUsernameOrPasswordIsInvalidRequest() {
            assertError(token("grant_type", "password", "password", "secret", "client_id", "myapp", "client_secret", "secret"),
                    400, "invalid_request");
            assertError(token("grant_type", "password", "username", "admin", "client_id", "myapp", "client_secret", "secret"),
                    400, "invalid_request");
            assertError(portcullis.postForm("/token", "grant_type=password&username=admin&password=secret&password=secret"
                    + "&client_id=myapp&client_secret=secret"), 400, "invalid_request");
        }

        @Test
        void aWrongClientSecretIsInvalidClient() {
            assertError(token("grant_type", "password", "username", "admin", "password", "secret",
                    "client_id", "myapp", "client_secret", "wrong"), 401, "invalid_client");
        }

        @Test
        void thePublicClientIsUnauthorizedClient() {
            assertError(token("grant_type", "password", "username", "admin", "password", "secret", "client_id", "spa"),
                    400, "unauthorized_client");
        }

        @Test
        void aScopeBeyondTheClientsIsInvalidScope() {
            assertError(password(portcullis, "scope", "read admin"), 400, "invalid_scope");
        }
    }

    @Nested
    class RefreshToken {

        @Test
        void aRefreshRotatesTheRefreshToken() {
            JsonNode first = passwordTokens(portcullis);

            JsonNode second = ok(refresh(portcullis, first.get("refresh_token").asText()));

            assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
            assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
            assertThat(second.get("scope").asText()).isEqualTo("read write");
            assertThat(claims(second).getSubject()).isEqualTo("admin");
            assertThat(claims(second).getClaim("roles")).isEqualTo(List.of("admin"));
            assertThat(whoami(portcullis, second.get("access_token").asText())).isEqualTo(200);
            assertThat(ok(refresh(portcullis, second.get("refresh_token").asText())).has("refresh_token")).isTrue();
        }

        @Test
        void reusingARotatedTokenIsInvalidGrantAndRevokesTheFamily() {
            JsonNode first = passwordTokens(portcullis);
            String old = first.get("refresh_token").asText();
            JsonNode second = ok(refresh(portcullis, old));
            JsonNode third = ok(refresh(portcullis, second.get("refresh_token").asText()));
            String newest = third.get("refresh_token").asText();

            assertError(refresh(portcullis, old), 400, "invalid_grant");

            assertError(refresh(portcullis, newest), 400, "invalid_grant");
            for (JsonNode issued : List.of(first, second, third)) {
                HttpResponse<String> who = portcullis.get("/whoami", "Authorization", "Bearer " + issued.get("access_token").asText());
                assertThat(who.statusCode()).isEqualTo(401);
                assertThat(headers(who).get("www-authenticate")).contains("error=\"invalid_token\"");
            }
        }

        @Test
        void aReuseLeavesOtherFamiliesAlone() {
            JsonNode other = passwordTokens(portcullis);
            String old = passwordTokens(portcullis).get("refresh_token").asText();
            ok(refresh(portcullis, old));

            assertError(refresh(portcullis, old), 400, "invalid_grant");

            assertThat(whoami(portcullis, other.get("access_token").asText())).isEqualTo(200);
            ok(refresh(portcullis, other.get("refresh_token").asText()));
        }

        @Test
        void theScopeMayBeNarrowedButNeverWidened() {
            String token = passwordTokens(portcullis, "scope", "read").get("refresh_token").asText();

            assertError(refresh(portcullis, token, "scope", "read write"), 400, "invalid_scope");

            JsonNode narrowedAgain = ok(refresh(portcullis, token, "scope", "read"));
            assertThat(narrowedAgain.get("scope").asText()).isEqualTo("read");

            String wide = passwordTokens(portcullis).get("refresh_token").asText();
            JsonNode narrowed = ok(refresh(portcullis, wide, "scope", "write"));
            assertThat(narrowed.get("scope").asText()).isEqualTo("write");
            assertThat(claims(narrowed).getClaim("scope")).isEqualTo("write");
            assertThat(ok(refresh(portcullis, narrowed.get("refresh_token").asText())).get("scope").asText())
                    .as("the grant keeps its scope").isEqualTo("read write");
        }

        @Test
        void anotherClientsRefreshTokenIsInvalidGrant() {
            String token = passwordTokens(portcullis).get("refresh_token").asText();

            assertError(token("grant_type", "refresh_token", "refresh_token", token, "client_id", "spa"), 400, "invalid_grant");

            ok(refresh(portcullis, token));
        }

        @Test
        void anUnknownTokenIsInvalidGrantAndAMissingOneInvalidRequest() {
            assertError(refresh(portcullis, "no-such-refresh-token"), 400, "invalid_grant");
            assertError(token("grant_type", "refresh_token", "client_id", "myapp", "client_secret", "secret"), 400, "invalid_request");
        }

        @Test
        void aClientWithoutTheRefreshGrantIsUnauthorizedClient() {
            assertError(token("grant_type", "refresh_token", "refresh_token", "anything", "client_id", "batch",
                    "client_secret", "batch-secret"), 400, "unauthorized_client");
        }

        @Test
        void aWrongClientSecretIsInvalidClient() {
            String token = passwordTokens(portcullis).get("refresh_token").asText();

            HttpResponse<String> response = portcullis.postForm("/token", form("grant_type", "refresh_token", "refresh_token", token),
                    "Authorization", basic("myapp", "wrong"));

            assertError(response, 401, "invalid_client");
            assertThat(headers(response).get("www-authenticate")).startsWith("Basic");
        }
    }

    @Nested
    class AuthorizationCode {

        @Test
        void thePublicClientExchangesItsCodeWithTheVerifier() {
            PlantedCode code = plantCode(portcullis);

            HttpResponse<String> response = exchange(portcullis, code);

            JsonNode body = ok(response);
            assertThat(headers(response).get("cache-control")).isEqualTo("no-store");
            assertThat(body.get("scope").asText()).isEqualTo("read");
            assertThat(body.has("refresh_token")).isTrue();
            JWTClaimsSet claims = claims(body);
            assertThat(claims.getJWTID()).as("the jti chosen with the code").isEqualTo(code.jti());
            assertThat(claims.getSubject()).isEqualTo("admin");
            assertThat(claims.getClaim("client_id")).isEqualTo("spa");
            assertThat(claims.getClaim("roles")).isEqualTo(List.of("admin"));
            assertThat(whoami(portcullis, body.get("access_token").asText())).isEqualTo(200);
        }

        @Test
        void itsRefreshTokenRotatesForThePublicClient() {
            JsonNode first = ok(exchange(portcullis, plantCode(portcullis)));

            JsonNode second = ok(token("grant_type", "refresh_token", "refresh_token", first.get("refresh_token").asText(),
                    "client_id", "spa"));

            assertThat(claims(second).getSubject()).isEqualTo("admin");
            assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        }

        @Test
        void aWrongVerifierIsInvalidGrant() {
            PlantedCode code = plantCode(portcullis);

            assertError(exchange(portcullis, "client_id", "spa", "code", code.value(), "redirect_uri", Flows.SPA_CALLBACK,
                    "code_verifier", Flows.random(32)), 400, "invalid_grant");
        }

        @Test
        void aMissingVerifierIsInvalidRequest() {
            PlantedCode code = plantCode(portcullis);

            assertError(exchange(portcullis, "client_id", "spa", "code", code.value(), "redirect_uri", Flows.SPA_CALLBACK),
                    400, "invalid_request");
            ok(exchange(portcullis, code));
        }

        @Test
        void aDifferentRedirectUriIsInvalidGrant() {
            PlantedCode code = plantCode(portcullis);

            assertError(exchange(portcullis, "client_id", "spa", "code", code.value(),
                    "redirect_uri", "http://127.0.0.1:9998/callback", "code_verifier", code.verifier()), 400, "invalid_grant");
        }

        @Test
        void anOmittedRedirectUriIsInvalidRequest() {
            PlantedCode code = plantCode(portcullis);

            assertError(exchange(portcullis, "client_id", "spa", "code", code.value(), "code_verifier", code.verifier()),
                    400, "invalid_request");
        }

        @Test
        void anotherClientIsInvalidGrant() {
            PlantedCode code = plantCode(portcullis);

            assertError(exchange(portcullis, "client_id", "webapp", "client_secret", "webapp-secret", "code", code.value(),
                    "redirect_uri", Flows.SPA_CALLBACK, "code_verifier", code.verifier()), 400, "invalid_grant");
        }

        @Test
        void aConfidentialClientAuthenticatesForItsCode() {
            PlantedCode code = plantCode(portcullis, "webapp", "https://webapp.example/callback");

            assertError(exchange(portcullis, "client_id", "webapp", "client_secret", "wrong", "code", code.value(),
                    "redirect_uri", "https://webapp.example/callback", "code_verifier", code.verifier()), 401, "invalid_client");
            JsonNode body = ok(portcullis.postForm("/token", form("grant_type", "authorization_code", "code", code.value(),
                    "redirect_uri", "https://webapp.example/callback", "code_verifier", code.verifier()),
                    "Authorization", basic("webapp", "webapp-secret")));
            assertThat(claims(body).getClaim("client_id")).isEqualTo("webapp");
            assertThat(body.has("refresh_token")).as("webapp has no refresh_token grant").isFalse();
        }

        @Test
        void anUnknownCodeIsInvalidGrantAndAMissingOneInvalidRequest() {
            assertError(exchange(portcullis, "client_id", "spa", "code", "no-such-code", "redirect_uri", Flows.SPA_CALLBACK,
                    "code_verifier", Flows.random(32)), 400, "invalid_grant");
            assertError(exchange(portcullis, "client_id", "spa", "redirect_uri", Flows.SPA_CALLBACK,
                    "code_verifier", Flows.random(32)), 400, "invalid_request");
        }

        @Test
        void anUnknownPublicClientIsInvalidClient() {
            PlantedCode code = plantCode(portcullis);

            assertError(exchange(portcullis, "client_id", "ghost", "code", code.value(), "redirect_uri", Flows.SPA_CALLBACK,
                    "code_verifier", code.verifier()), 401, "invalid_client");
        }

        @Test
        void aClientWithoutTheGrantIsUnauthorizedClient() {
            PlantedCode code = plantCode(portcullis);

            assertError(exchange(portcullis, "client_id", "myapp", "client_secret", "secret", "code", code.value(),
                    "redirect_uri", Flows.SPA_CALLBACK, "code_verifier", code.verifier()), 400, "unauthorized_client");
        }

        @Test
        void aReplayIsInvalidGrantAndRevokesTheTokensOfTheFirstExchange() {
            PlantedCode code = plantCode(portcullis);
            JsonNode first = ok(exchange(portcullis, code));
            String accessToken = first.get("access_token").asText();
            assertThat(whoami(portcullis, accessToken)).isEqualTo(200);

            assertError(exchange(portcullis, code), 400, "invalid_grant");

            HttpResponse<String> who = portcullis.get("/whoami", "Authorization", "Bearer " + accessToken);
            assertThat(who.statusCode()).isEqualTo(401);
            assertThat(headers(who).get("www-authenticate")).contains("error=\"invalid_token\"");
            assertError(token("grant_type", "refresh_token", "refresh_token", first.get("refresh_token").asText(),
                    "client_id", "spa"), 400, "invalid_grant");
        }
    }

    @Test
    void anUnknownGrantTypeIsUnsupportedGrantType() {
        assertError(token("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", "x",
                "client_id", "myapp", "client_secret", "secret"), 400, "unsupported_grant_type");
    }

    @Test
    void discoveryAdvertisesEveryGrantAndThePublicClientMethod() {
        JsonNode metadata = json(portcullis.get("/.well-known/oauth-authorization-server"));

        assertThat(metadata.get("grant_types_supported").toString())
                .contains("authorization_code", "client_credentials", "password", "refresh_token");
        assertThat(metadata.get("token_endpoint_auth_methods_supported").toString())
                .contains("client_secret_basic", "client_secret_post", "\"none\"");
    }
}
