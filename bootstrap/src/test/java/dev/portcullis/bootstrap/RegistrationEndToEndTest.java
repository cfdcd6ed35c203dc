package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.bootstrap.config.ConfigurationException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Dynamic client registration (RFC 7591) on the real server: off by default, behind an initial access token when on. */
class RegistrationEndToEndTest {

    private static final String INITIAL = "initial-access-token-0123456789abcdef";

    private static HttpResponse<String> register(RunningServer portcullis, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portcullis.uri("/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return portcullis.send(request.build());
    }

    @Test
    void offByDefaultAndNotAdvertised() {
        try (RunningServer portcullis = RunningServer.start()) {
            assertThat(register(portcullis, INITIAL, "{}").statusCode()).isEqualTo(404);
            assertThat(json(portcullis.get("/.well-known/oauth-authorization-server")).has("registration_endpoint")).isFalse();
        }
    }

    @Test
    void enablingItNeedsALongInitialAccessToken() {
        assertThatThrownBy(() -> RunningServer.start("REGISTRATION_ENABLED", "true"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("REGISTRATION_INITIAL_ACCESS_TOKEN");
        assertThatThrownBy(() -> RunningServer.start("REGISTRATION_ENABLED", "true", "REGISTRATION_INITIAL_ACCESS_TOKEN", "short"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 32");
    }

    @Test
    void aClientRegistersItselfWithTheInitialAccessTokenAndUsesItsSecretAtOnce() {
        try (RunningServer portcullis = RunningServer.start("REGISTRATION_ENABLED", "true",
                "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL)) {
            assertThat(json(portcullis.get("/.well-known/oauth-authorization-server")).get("registration_endpoint").asText())
                    .isEqualTo(portcullis.base() + "/register");

            HttpResponse<String> registered = register(portcullis, INITIAL,
                    "{\"grant_types\":[\"client_credentials\"],\"scope\":\"reports\",\"client_name\":\"Reporting\"}");

            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            assertThat(registered.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode body = json(registered);
            String id = body.get("client_id").asText();
            String secret = body.get("client_secret").asText();
            assertThat(id).hasSizeGreaterThanOrEqualTo(22);
            assertThat(body.get("client_secret_expires_at").asInt()).isZero();
            assertThat(body.get("token_endpoint_auth_method").asText()).isEqualTo("client_secret_basic");
            assertThat(body.get("client_id_issued_at").asLong()).isPositive();
            HttpResponse<String> token = portcullis.postForm("/token", "grant_type=client_credentials", "Authorization",
                    basic(id, secret));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(json(token).get("scope").asText()).isEqualTo("reports");

            HttpResponse<String> spa = register(portcullis, INITIAL, "{\"token_endpoint_auth_method\":\"none\","
                    + "\"redirect_uris\":[\"https://spa.example/cb\"],\"response_types\":[\"code\"]}");
            assertThat(spa.statusCode()).as(spa.body()).isEqualTo(201);
            assertThat(json(spa).has("client_secret")).isFalse();
            assertThat(json(spa).get("grant_types").toString()).isEqualTo("[\"authorization_code\"]");
        }
    }

    @Test
    void registrationIsRefusedWithoutTheTokenOrWithBadMetadata() {
        try (RunningServer portcullis = RunningServer.start("REGISTRATION_ENABLED", "true",
                "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL)) {
            assertThat(register(portcullis, null, "{}").statusCode()).isEqualTo(401);
            HttpResponse<String> wrong = register(portcullis, INITIAL + "x", "{\"grant_types\":[\"client_credentials\"]}");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(json(wrong).get("error").asText()).isEqualTo("invalid_token");
            assertThat(register(portcullis, portcullis.devToken(), "{}").statusCode()).as("an access token is not it")
                    .isEqualTo(401);

            assertError(register(portcullis, INITIAL, "{}"), "invalid_redirect_uri");
            assertError(register(portcullis, INITIAL, "{\"redirect_uris\":[\"/relative\"]}"), "invalid_redirect_uri");
            assertError(register(portcullis, INITIAL, "{\"grant_types\":[\"implicit\"]}"), "invalid_client_metadata");
            assertError(register(portcullis, INITIAL, "{\"response_types\":[\"token\"],\"redirect_uris\":[\"https://a.example/cb\"]}"),
                    "invalid_client_metadata");
            assertError(register(portcullis, INITIAL, "{\"grant_types\":[\"client_credentials\"],\"scope\":\"admin\"}"),
                    "invalid_client_metadata");
            assertError(register(portcullis, INITIAL, "{\"grant_types\":[\"client_credentials\"],\"scope\":\"read introspect\"}"),
                    "invalid_client_metadata");
            assertError(register(portcullis, INITIAL, "{\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"client_credentials\"]}"),
                    "invalid_client_metadata");
            assertThat(portcullis.get("/register").statusCode()).isEqualTo(405);
        }
    }

    @Test
    void redirectUrisWithDangerousSchemesUserinfoOrWildcardsAreRefused() {
        try (RunningServer portcullis = RunningServer.start("REGISTRATION_ENABLED", "true",
                "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL)) {
            for (String uri : new String[] {"javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                    "vbscript:msgbox(1)", "file:///etc/passwd", "http://app.example/cb", "https://user@app.example/cb",
                    "https://*.example.com/cb", "https://app.example/*", "myapp:/cb", "HTTPS://app.example/cb",
                    "https:/app.example/cb", "https://app.example/cb#"}) {
                HttpResponse<String> refused = register(portcullis, INITIAL, "{\"token_endpoint_auth_method\":\"none\","
                        + "\"redirect_uris\":[" + RunningServer.JSON.valueToTree(uri) + "]}");
                assertError(refused, "invalid_redirect_uri");
                assertThat(json(refused).get("error_description").asText()).as(uri).contains("redirect");
            }
            for (String uri : new String[] {"https://app.example/cb", "http://127.0.0.1/cb", "http://[::1]:8080/cb",
                    "com.example.app:/oauth2redirect", "http://localhost/cb"}) {
                HttpResponse<String> registered = register(portcullis, INITIAL, "{\"token_endpoint_auth_method\":\"none\","
                        + "\"redirect_uris\":[\"" + uri + "\"]}");
                assertThat(registered.statusCode()).as(uri + " " + registered.body()).isEqualTo(201);
            }
        }
    }

    @Test
    void outsideTheDevProfileLocalhostOverHttpIsRefusedButTheLoopbackAddressesAreNot() {
        try (RunningServer portcullis = RunningServer.start("PORTCULLIS_PROFILE", "prod", "SERVER_HOST", "127.0.0.1",
                "ISSUER", "https://auth.example.com", "REGISTRATION_ENABLED", "true", "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL)) {
            HttpResponse<String> localhost = register(portcullis, INITIAL, "{\"token_endpoint_auth_method\":\"none\","
                    + "\"redirect_uris\":[\"http://localhost:3000/cb\"]}");
            assertError(localhost, "invalid_redirect_uri");
            assertThat(json(localhost).get("error_description").asText()).contains("127.0.0.1");
            assertThat(register(portcullis, INITIAL, "{\"token_endpoint_auth_method\":\"none\","
                    + "\"redirect_uris\":[\"http://127.0.0.1:3000/cb\"]}").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void thePasswordGrantAndGrantsTheOperatorDidNotAllowAreRefused() {
        try (RunningServer portcullis = RunningServer.start("REGISTRATION_ENABLED", "true",
                "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL)) {
            HttpResponse<String> password = register(portcullis, INITIAL, "{\"grant_types\":[\"password\"]}");
            assertError(password, "invalid_client_metadata");
            assertThat(json(password).get("error_description").asText()).contains("password");
            assertError(register(portcullis, INITIAL, "{\"grant_types\":[\"client_credentials\",\"password\"]}"),
                    "invalid_client_metadata");
            assertThat(register(portcullis, INITIAL, "{\"grant_types\":[\"client_credentials\",\"refresh_token\"]}")
                    .statusCode()).isEqualTo(201);
        }
        try (RunningServer portcullis = RunningServer.start("REGISTRATION_ENABLED", "true",
                "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL, "REGISTRATION_ALLOWED_GRANT_TYPES", "client_credentials password")) {
            assertThat(register(portcullis, INITIAL, "{\"grant_types\":[\"password\"]}").statusCode())
                    .as("an operator who asks for it may allow it").isEqualTo(201);
            HttpResponse<String> code = register(portcullis, INITIAL, "{\"redirect_uris\":[\"https://app.example/cb\"]}");
            assertError(code, "invalid_client_metadata");
            assertThat(json(code).get("error_description").asText()).contains("authorization_code");
        }
    }

    @Test
    void aBodyWithTrailingContentOrDuplicateKeysIsRefused() {
        try (RunningServer portcullis = RunningServer.start("REGISTRATION_ENABLED", "true",
                "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL)) {
            String valid = "{\"grant_types\":[\"client_credentials\"]}";
            assertThat(register(portcullis, INITIAL, valid).statusCode()).isEqualTo(201);
            for (String body : new String[] {valid + " xyz", valid + " {}", valid + "]",
                    "{\"grant_types\":[\"client_credentials\"],\"grant_types\":[\"password\"]}",
                    "{\"grant_types\":[\"client_credentials\"],\"jwks\":{\"a\":1,\"a\":2}}"}) {
                HttpResponse<String> refused = register(portcullis, INITIAL, body);
                assertThat(refused.statusCode()).as(body + " → " + refused.body()).isEqualTo(400);
                assertThat(json(refused).get("error").asText()).isEqualTo("invalid_request");
            }
        }
    }

    private static void assertError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo(error);
    }
}
