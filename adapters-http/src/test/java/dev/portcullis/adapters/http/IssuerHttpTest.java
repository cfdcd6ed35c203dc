package dev.portcullis.adapters.http;

import static dev.portcullis.adapters.http.support.ScriptedIssueToken.CLIENT_ID;
import static dev.portcullis.adapters.http.support.ScriptedIssueToken.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which issuer a request gets: from Host, configured, or from trusted X-Forwarded-* headers. */
class IssuerHttpTest {

    private static final String DISCOVERY = "/.well-known/oauth-authorization-server";

    private static HttpSettings settings(Optional<Issuer> issuer, boolean trustForwarded) {
        return new HttpSettings(issuer, trustForwarded, true, ScopeSet.empty());
    }

    private static String issuerOf(Reply discovery) {
        assertThat(discovery.status()).as(discovery.body()).isEqualTo(200);
        return discovery.json().path("issuer").asText();
    }

    @Test
    void the_host_header_names_the_issuer() {
        try (TestServer server = TestServer.start(settings(Optional.empty(), false))) {
            Reply reply = server.get(DISCOVERY, "Host", "auth.example.com:8443");

            assertThat(issuerOf(reply)).isEqualTo("http://auth.example.com:8443");
            assertThat(reply.json().path("token_endpoint").asText()).isEqualTo("http://auth.example.com:8443/token");
            assertThat(reply.header("Vary")).as("the body depends on Host").contains("Host");
        }
    }

    @Test
    void the_token_request_carries_the_issuer_from_host() {
        try (TestServer server = TestServer.start(settings(Optional.empty(), false))) {
            server.postForm("/token", "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + SECRET,
                    "Host", "Auth.Example.com:80");

            assertThat(server.issueToken.lastRequest().issuer().value()).isEqualTo("http://auth.example.com");
        }
    }

    @Test
    void a_configured_issuer_ignores_host_and_forwarded_headers() {
        try (TestServer server = TestServer.start(settings(Optional.of(new Issuer("https://id.example.org")), true))) {
            Reply reply = server.get(DISCOVERY, "Host", "evil.test", "X-Forwarded-Host", "evil.test",
                    "X-Forwarded-Proto", "http");

            assertThat(issuerOf(reply)).isEqualTo("https://id.example.org");
            assertThat(reply.header("Vary")).as("one answer for every Host").isEmpty();
        }
    }

    @Test
    void trusted_forwarded_headers_name_the_issuer() {
        try (TestServer server = TestServer.start(settings(Optional.empty(), true))) {
            Reply reply = server.get(DISCOVERY, "Host", "10.0.0.7:8080",
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "auth.example.com");

            assertThat(issuerOf(reply)).isEqualTo("https://auth.example.com");
            assertThat(reply.header("Vary")).contains("Host, X-Forwarded-Host, X-Forwarded-Proto");
        }
    }

    @Test
    void untrusted_forwarded_headers_are_ignored() {
        try (TestServer server = TestServer.start(settings(Optional.empty(), false))) {
            Reply reply = server.get(DISCOVERY, "Host", "10.0.0.7:8080",
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.test");

            assertThat(issuerOf(reply)).isEqualTo("http://10.0.0.7:8080");
        }
    }

    @Test
    void a_garbage_host_is_400_invalid_request_on_every_route_that_needs_the_issuer() {
        try (TestServer server = TestServer.start(settings(Optional.empty(), false))) {
            Reply discovery = server.get(DISCOVERY, "Host", "bad_host");
            Reply token = server.postForm("/token", "grant_type=client_credentials&client_id=" + CLIENT_ID
                    + "&client_secret=" + SECRET, "Host", "bad_host");
            Reply whoami = server.get("/whoami", "Host", "bad_host", "Authorization", "Bearer reader-token");

            for (Reply reply : new Reply[] {discovery, token, whoami}) {
                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.error()).isEqualTo("invalid_request");
            }
            assertThat(token.header("Cache-Control")).contains("no-store");
            assertThat(server.issueToken.requests()).isEmpty();
        }
    }

    @Test
    void a_garbage_trusted_forwarded_host_is_400() {
        try (TestServer server = TestServer.start(settings(Optional.empty(), true))) {
            Reply reply = server.get(DISCOVERY, "X-Forwarded-Host", "evil.test/path");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
        }
    }

    @Test
    void a_missing_host_is_400_invalid_request() {
        try (TestServer server = TestServer.start(settings(Optional.empty(), false))) {
            String raw = server.raw("GET " + DISCOVERY + " HTTP/1.1\r\nConnection: close\r\n\r\n");

            assertThat(raw).startsWith("HTTP/1.1 400");
            assertThat(raw).contains("\"error\":\"invalid_request\"");
        }
    }

    @Test
    void with_a_configured_issuer_a_request_without_host_is_still_refused_by_http_1_1_rules() {
        try (TestServer server = TestServer.start(settings(Optional.of(new Issuer("https://id.example.org")), false))) {
            String raw = server.raw("GET " + DISCOVERY + " HTTP/1.1\r\nConnection: close\r\n\r\n");

            assertThat(raw).startsWith("HTTP/1.1 400");
        }
    }
}
