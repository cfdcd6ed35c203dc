package dev.portcullis.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Answers that do not belong to one route: unknown paths and protocol errors. */
class EdgeErrorsHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_unknown_path_is_a_json_404() {
        Reply reply = server.get("/nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(reply.json().path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void a_path_that_only_resembles_a_known_one_is_404() {
        assertThat(server.get("/token/extra").status()).isEqualTo(404);
        assertThat(server.get("/TOKEN").status()).isEqualTo(404);
    }

    @Test
    void a_request_helidon_rejects_before_routing_gets_json_and_nosniff() {
        String raw = server.raw("GET /jwks HTTP/1.1\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).containsIgnoringCase("X-Content-Type-Options: nosniff");
        assertThat(raw).containsIgnoringCase("Content-Type: application/json");
        assertThat(raw).contains("\"error\":\"invalid_request\"");
        assertThat(raw).doesNotContain("Host header");
    }

    @Test
    void head_on_a_get_route_is_405_allowing_get() {
        Reply reply = server.send(server.request("/jwks").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET");
    }
}
