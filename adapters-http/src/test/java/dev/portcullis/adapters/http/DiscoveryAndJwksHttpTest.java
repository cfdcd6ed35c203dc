package dev.portcullis.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 8414 metadata and the JWKS on the real server. */
class DiscoveryAndJwksHttpTest {

    private static final String DISCOVERY = "/.well-known/oauth-authorization-server";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void serves_the_metadata_document() {
        Reply reply = server.get(DISCOVERY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        JsonNode doc = reply.json();
        String issuer = "http://127.0.0.1:" + server.port();
        assertThat(doc.path("issuer").asText()).isEqualTo(issuer);
        assertThat(doc.path("token_endpoint").asText()).isEqualTo(issuer + "/token");
        assertThat(doc.path("jwks_uri").asText()).isEqualTo(issuer + "/jwks");
        assertThat(texts(doc.path("token_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic", "client_secret_post", "none");
        assertThat(texts(doc.path("scopes_supported"))).containsExactly("read", "write");
        assertThat(doc.path("response_types_supported").isArray()).isTrue();
        assertThat(doc.path("response_types_supported")).isEmpty();
    }

    @Test
    void advertises_the_grant_types_that_are_wired() {
        JsonNode doc = server.get(DISCOVERY).json();

        assertThat(texts(doc.path("grant_types_supported"))).containsExactly("client_credentials", "authorization_code");
    }

    @Test
    void discovery_turned_off_is_a_plain_404() {
        try (TestServer off = TestServer.start(new HttpSettings(Optional.empty(), false, false, ScopeSet.empty()))) {
            Reply get = off.get(DISCOVERY);
            Reply post = off.send(off.request(DISCOVERY).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

            assertThat(get.status()).isEqualTo(404);
            assertThat(get.error()).isEqualTo("not_found");
            assertThat(post.status()).isEqualTo(404);
            assertThat(off.get("/jwks").status()).isEqualTo(200);
        }
    }

    @Test
    void post_on_discovery_is_405() {
        Reply reply = server.send(server.request(DISCOVERY).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET");
    }

    @Test
    void serves_the_jwk_set_as_jwk_set_json() {
        Reply reply = server.get("/jwks");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains("application/jwk-set+json");
        assertThat(reply.header("Cache-Control")).contains("public, max-age=300");
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(reply.body()).isEqualTo(TestServer.JWKS);
    }

    @Test
    void serves_the_same_bytes_on_every_request() {
        assertThat(server.get("/jwks").body()).isEqualTo(server.get("/jwks").body()).isEqualTo(TestServer.JWKS);
    }

    @Test
    void serves_the_new_set_after_a_rotation() {
        try (TestServer rotating = TestServer.start()) {
            assertThat(rotating.get("/jwks").body()).isEqualTo(TestServer.JWKS);

            rotating.jwks = "{\"keys\":[{\"kid\":\"k2\"}]}";

            assertThat(rotating.get("/jwks").body()).isEqualTo("{\"keys\":[{\"kid\":\"k2\"}]}");
        }
    }

    @Test
    void delete_on_jwks_is_405_allowing_get() {
        Reply reply = server.send(server.request("/jwks").DELETE());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET");
        assertThat(reply.error()).isEqualTo("method_not_allowed");
    }
}
