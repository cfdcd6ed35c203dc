package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Where /metrics (which names client ids and their traffic) is served, and to whom: on the public port only to a bearer
 * of the metrics scope; with {@code management.port}, only there, to whoever reaches that port.
 */
class ManagementEndToEndTest {

    private static HttpResponse<String> at(RunningServer server, int port, String path) {
        return server.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    @Test
    void onThePublicPortMetricsNeedABearerTokenWithTheMetricsScope() {
        try (RunningServer portcullis = RunningServer.start()) {
            portcullis.devToken();

            HttpResponse<String> anonymous = portcullis.get("/metrics");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(anonymous.body()).doesNotContain("myapp").doesNotContain("portcullis_");

            HttpResponse<String> withoutScope = portcullis.get("/metrics", "Authorization", "Bearer " + portcullis.devToken());
            assertThat(withoutScope.statusCode()).isEqualTo(403);
            assertThat(json(withoutScope).get("error").asText()).isEqualTo("insufficient_scope");
            assertThat(withoutScope.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("scope=\"metrics\"");

            HttpResponse<String> scraper = portcullis.metrics(); // a dev-admin token with the metrics scope
            assertThat(scraper.statusCode()).isEqualTo(200);
            assertThat(scraper.body()).contains("portcullis_tokens_issued_total").contains("client_id=\"myapp\"");
            assertThat(scraper.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        }
    }

    @Test
    void theMetricsScopeIsConfigurable() {
        try (RunningServer portcullis = RunningServer.start("METRICS_SCOPE", "scrape")) {
            HttpResponse<String> response = portcullis.get("/metrics", "Authorization", "Bearer " + portcullis.devToken());

            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("scope=\"scrape\"");
        }
    }

    @Test
    void withAManagementPortMetricsAndHealthAreServedThereAndMetricsNoLongerOnThePublicPort() {
        int management = ClusterNode.freePort();
        try (RunningServer portcullis = RunningServer.start("MANAGEMENT_PORT", String.valueOf(management))) {
            portcullis.devToken();

            HttpResponse<String> scrape = at(portcullis, management, "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("portcullis_tokens_issued_total");
            assertThat(at(portcullis, management, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(at(portcullis, management, "/health/live").statusCode()).isEqualTo(200);
            assertThat(at(portcullis, management, "/jwks").statusCode()).as("only management routes there").isEqualTo(404);

            String token = json(portcullis.postForm("/token", "grant_type=client_credentials&scope=metrics",
                    "Authorization", RunningServer.basic("dev-admin", "secret"))).get("access_token").asText();
            assertThat(portcullis.get("/metrics", "Authorization", "Bearer " + token).statusCode())
                    .as("not on the public port at all, even with a token").isEqualTo(404);
            assertThat(portcullis.get("/health/ready").statusCode()).as("probes keep working on the public port")
                    .isEqualTo(200);
        }
    }

    @Test
    void theApiDescriptionStaysPublic() {
        try (RunningServer portcullis = RunningServer.start()) {
            assertThat(portcullis.get("/openapi").statusCode()).isEqualTo(200);
        }
    }
}
