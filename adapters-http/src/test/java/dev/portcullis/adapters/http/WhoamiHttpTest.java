package dev.portcullis.adapters.http;

import static dev.portcullis.adapters.http.support.ScriptedAuthenticateBearer.ADMIN;
import static dev.portcullis.adapters.http.support.ScriptedAuthenticateBearer.DOWN;
import static dev.portcullis.adapters.http.support.ScriptedAuthenticateBearer.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import dev.portcullis.adapters.http.support.Tokens;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /whoami, a protected resource requiring scope {@code read}, on the real server (RFC 6750 §3). */
class WhoamiHttpTest {

    private static TestServer server;
    private static TestServer open;

    @BeforeAll
    static void start() {
        server = TestServer.start(new HttpSettings(Optional.empty(), false, true, ScopeSet.of("read")));
        open = TestServer.start(HttpSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
        open.close();
    }

    private static Reply whoami(String... headers) {
        return server.get("/whoami", headers);
    }

    @Test
    void a_valid_token_with_the_scope_gets_its_claims() {
        Reply reply = whoami("Authorization", "Bearer " + READER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(reply.header("Cache-Control")).contains("no-store");
        JsonNode json = reply.json();
        String issuer = "http://127.0.0.1:" + server.port();
        assertThat(json.path("sub").asText()).isEqualTo("service-a");
        assertThat(json.path("client_id").asText()).isEqualTo("service-a");
        assertThat(json.path("scope").asText()).isEqualTo("read");
        assertThat(json.path("exp").asLong()).isEqualTo(Tokens.EXPIRES_AT.getEpochSecond());
        assertThat(json.path("iss").asText()).isEqualTo(issuer);
        assertThat(json.path("aud").get(0).asText()).isEqualTo(issuer);
        assertThat(json.has("roles")).isFalse();
    }

    @Test
    void roles_appear_when_the_token_has_them() {
        Reply reply = whoami("Authorization", "bearer " + ADMIN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("roles").get(0).asText()).isEqualTo("admin");
        assertThat(reply.json().path("scope").asText()).isEqualTo("read write");
    }

    @Test
    void the_use_case_is_asked_with_the_request_issuer() {
        server.authenticateBearer.reset();

        whoami("Authorization", "Bearer " + READER);

        assertThat(server.authenticateBearer.issuers()).singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualTo("http://127.0.0.1:" + server.port()));
    }

    @Test
    void no_authorization_header_is_401_with_a_bare_bearer_challenge() {
        Reply reply = whoami();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"portcullis\"");
        assertThat(reply.json().has("error")).isTrue();
    }

    @Test
    void another_scheme_is_treated_as_no_authentication() {
        Reply reply = whoami("Authorization", "Basic aWQ6cHc=");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"portcullis\"");
    }

    @Test
    void a_malformed_bearer_header_is_400_invalid_request() {
        Reply reply = whoami("Authorization", "Bearer not a token");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer realm=\"portcullis\", error=\"invalid_request\""));
        assertThat(reply.error()).isEqualTo("invalid_request");
    }

    @Test
    void an_invalid_token_is_401_invalid_token() {
        Reply reply = whoami("Authorization", "Bearer forged.token.value");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"portcullis\", error=\"invalid_token\", "
                + "error_description=\"the access token is invalid, expired or revoked\"");
        assertThat(reply.error()).isEqualTo("invalid_token");
        assertThat(reply.body()).doesNotContain("signature");
    }

    @Test
    void a_token_without_the_required_scope_is_403_insufficient_scope() {
        try (TestServer strict = TestServer.start(new HttpSettings(Optional.empty(), false, true, ScopeSet.of("read", "write")))) {
            Reply reply = strict.get("/whoami", "Authorization", "Bearer " + READER);

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer realm=\"portcullis\", error=\"insufficient_scope\"")
                    .endsWith(", scope=\"read write\""));
            assertThat(reply.error()).isEqualTo("insufficient_scope");
        }
    }

    @Test
    void with_no_required_scope_any_valid_token_passes() {
        assertThat(open.get("/whoami", "Authorization", "Bearer " + READER).status()).isEqualTo(200);
    }

    @Test
    void a_backend_outage_while_checking_the_token_is_503() {
        Reply reply = whoami("Authorization", "Bearer " + DOWN);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.error()).isEqualTo("temporarily_unavailable");
    }

    @Test
    void post_is_405_allowing_get() {
        Reply reply = server.send(server.request("/whoami").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET");
    }
}
