package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Lifecycle.revoke;
import static dev.portcullis.bootstrap.RunningServer.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.bootstrap.observability.JsonLogFormatter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /metrics, the JSON access log and the audit log, on the real server. */
class ObservabilityEndToEndTest {

    @RegisterExtension
    static final MongoWireServer mongo = new MongoWireServer();

    /** A server scraped at a management port, so that fetching a token for /metrics does not change the counts under test. */
    private static RunningServer scraped(String... environment) {
        String[] all = new String[environment.length + 2];
        all[0] = "MANAGEMENT_PORT";
        all[1] = "0";
        System.arraycopy(environment, 0, all, 2, environment.length);
        return RunningServer.start(all);
    }

    private static double sample(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + " " + String.join(",", labels) + " in\n" + scrape);
    }

    @Test
    void metricsCountTokensByGrantAndClientFailuresByReasonRevocationsAndTimeEveryEndpoint() {
        try (RunningServer portcullis = scraped()) {
            String token = portcullis.devToken();
            portcullis.devToken();
            assertThat(portcullis.postForm("/token", "grant_type=client_credentials", "Authorization", basic("myapp", "wrong"))
                    .statusCode()).isEqualTo(401);
            assertThat(portcullis.postForm("/token", "grant_type=client_credentials", "Authorization", basic("ghost", "x"))
                    .statusCode()).isEqualTo(401);
            assertThat(revoke(portcullis, "myapp", "secret", "token", token).statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = portcullis.metrics();

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            String scrape = metrics.body();
            assertThat(sample(scrape, "portcullis_tokens_issued_total", "grant", "client_credentials", "client_id", "myapp"))
                    .isEqualTo(2.0);
            assertThat(sample(scrape, "portcullis_client_authentication_failures_total", "reason", "wrong_secret")).isEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_client_authentication_failures_total", "reason", "unknown_client"))
                    .isEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_token_rejections_total", "error", "invalid_client")).isEqualTo(2.0);
            assertThat(sample(scrape, "portcullis_revocations_total", "outcome", "access_token_revoked")).isEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_http_server_requests_seconds_count", "endpoint", "/token", "status", "2xx"))
                    .isEqualTo(2.0);
            assertThat(sample(scrape, "portcullis_http_server_requests_seconds_count", "endpoint", "/token", "status", "4xx"))
                    .isEqualTo(2.0);
            assertThat(sample(scrape, "portcullis_http_server_requests_seconds_bucket", "endpoint", "/token", "status", "2xx",
                    "le", "5.0")).as("a histogram with fixed buckets").isEqualTo(2.0);
            assertThat(scrape).as("no raw path as a label").doesNotContain("endpoint=\"/ghost");
            assertThat(scrape).as("memory storage is not timed").doesNotContain("portcullis_backend_latency");
            portcullis.get("/no/such/path/" + System.nanoTime());
            assertThat(sample(portcullis.metrics().body(), "portcullis_http_server_requests_seconds_count",
                    "endpoint", "other", "status", "4xx")).isEqualTo(1.0);
        }
    }

    @Test
    void rateLimitRejectionsAreCountedByEndpointAndLimit() {
        try (RunningServer portcullis = scraped("RATE_LIMIT_PER_CLIENT", "1", "RATE_LIMIT_WINDOW", "1h",
                "RATE_LIMIT_LOCKOUT_FAILURES", "1", "RATE_LIMIT_LOCKOUT_WINDOW", "1h")) {
            assertThat(sample(portcullis.metrics().body(), "portcullis_rate_limit_rejections_total",
                    "endpoint", "/token", "limit", "per_client")).as("registered up front").isZero();
            portcullis.devToken();
            assertThat(portcullis.postForm("/token", "grant_type=client_credentials", "Authorization", basic("myapp", "secret"))
                    .statusCode()).isEqualTo(429);
            assertThat(portcullis.postForm("/token", "grant_type=client_credentials", "Authorization", basic("ghost", "x"))
                    .statusCode()).isEqualTo(401);
            assertThat(revoke(portcullis, "ghost", "x", "token", "x").statusCode()).as("locked out").isEqualTo(429);

            String scrape = portcullis.metrics().body();
            assertThat(sample(scrape, "portcullis_rate_limit_rejections_total", "endpoint", "/token", "limit", "per_client"))
                    .isEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_rate_limit_rejections_total", "endpoint", "/revoke", "limit", "lockout"))
                    .isEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_rate_limit_rejections_total", "endpoint", "/token", "limit", "lockout"))
                    .isZero();
            assertThat(sample(scrape, "portcullis_http_server_requests_seconds_count", "endpoint", "/token", "status", "4xx"))
                    .as("a 429 is still timed as a 4xx").isEqualTo(2.0);
        }
    }

    @Test
    void backendOutagesAreCounted() {
        try (RunningServer portcullis = scraped("STORAGE_TYPE", "mongo", "MONGO_URI", mongo.uri(),
                "MONGO_DATABASE", "portcullis_obs", "MONGO_TIMEOUT", "500ms")) {
            portcullis.devToken();
            mongo.stop();
            try {
                assertThat(portcullis.postForm("/token", "grant_type=client_credentials", "Authorization",
                        basic("myapp", "secret-not-cached")).statusCode()).isEqualTo(503);
            } finally {
                mongo.restart();
            }
            String scrape = portcullis.metrics().body();
            assertThat(sample(scrape, "portcullis_backend_errors_total", "operation", "token")).isEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_backend_latency_seconds_count", "backend", "client_repository",
                    "operation", "find_by_id", "outcome", "ok")).as("the first token request").isGreaterThanOrEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_backend_latency_seconds_count", "backend", "client_repository",
                    "operation", "find_by_id", "outcome", "error")).as("the outage").isGreaterThanOrEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_backend_latency_seconds_bucket", "backend", "key_store",
                    "operation", "find_all", "outcome", "ok", "le", "5.0")).as("a histogram with fixed buckets")
                    .isGreaterThanOrEqualTo(1.0);
        } finally {
            mongo.database("portcullis_obs").drop();
        }
    }

    @Test
    void metricsCanBeTurnedOff() {
        try (RunningServer portcullis = RunningServer.start("METRICS_ENABLED", "false")) {
            assertThat(portcullis.metrics().statusCode()).isEqualTo(404);
        }
    }

    @Test
    void jsonLogsHaveOneAccessRecordPerRequestAndAuditSecurityEventsWithoutSecrets() throws IOException {
        Logger root = Logger.getLogger("");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StreamHandler capture = new StreamHandler(captured, new JsonLogFormatter());
        capture.setLevel(Level.ALL);
        List<JsonNode> records = new ArrayList<>();
        try (RunningServer portcullis = RunningServer.start("LOGGING_FORMAT", "json", "LOGGING_ACCESS_LOG", "true")) {
            assertThat(root.getHandlers()).as("the server switched every root handler").isNotEmpty()
                    .allSatisfy(h -> assertThat(h.getFormatter()).isInstanceOf(JsonLogFormatter.class));
            root.addHandler(capture);
            String token = portcullis.devToken();
            portcullis.postForm("/token", "grant_type=client_credentials", "Authorization", basic("myapp", "wrong-secret"));
            revoke(portcullis, "myapp", "secret", "token", token);
            portcullis.get("/authorize?response_type=code&client_id=spa&code_challenge=abc&state=s3cr3tstate");
            // the access record is written once the response is out: wait for the last one
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
                capture.flush();
                return captured.toString(StandardCharsets.UTF_8).contains("\"path\":\"/authorize\"");
            });
            ObjectMapper json = new ObjectMapper();
            for (String line : captured.toString(StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank()) {
                    try {
                        records.add(json.readTree(line)); // every line is one JSON object
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + line, e);
                    }
                }
            }
            String all = captured.toString(StandardCharsets.UTF_8);
            assertThat(all).doesNotContain(token).doesNotContain("wrong-secret").doesNotContain("\"secret\"")
                    .doesNotContain("Basic ").doesNotContain("s3cr3tstate").doesNotContain("code_challenge");
        } finally {
            root.removeHandler(capture);
            for (Handler h : root.getHandlers()) {
                h.setFormatter(new SimpleFormatter());
            }
        }

        List<JsonNode> access = records.stream().filter(r -> r.path("logger").asText().equals("portcullis.access")).toList();
        JsonNode issued = access.stream().filter(r -> r.path("path").asText().equals("/token")
                && r.path("status").asInt() == 200).findFirst().orElseThrow(() -> new AssertionError(records.toString()));
        assertThat(issued.path("method").asText()).isEqualTo("POST");
        assertThat(issued.path("client_id").asText()).isEqualTo("myapp");
        assertThat(issued.path("duration_ms").isNumber()).isTrue();
        assertThat(issued.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(access).anySatisfy(r -> {
            assertThat(r.path("path").asText()).isEqualTo("/authorize");
            assertThat(r.path("status").isInt()).isTrue();
        });

        List<JsonNode> audit = records.stream().filter(r -> r.path("logger").asText().equals("portcullis.audit")).toList();
        assertThat(audit).anySatisfy(r -> {
            assertThat(r.path("event").asText()).isEqualTo("token.issued");
            assertThat(r.path("client_id").asText()).isEqualTo("myapp");
            assertThat(r.path("grant").asText()).isEqualTo("client_credentials");
            assertThat(r.path("jti").asText()).isNotEmpty();
        });
        assertThat(audit).anySatisfy(r -> {
            assertThat(r.path("event").asText()).isEqualTo("client.authentication_failed");
            assertThat(r.path("reason").asText()).isEqualTo("wrong_secret");
        });
        assertThat(audit).anySatisfy(r -> assertThat(r.path("event").asText()).isEqualTo("token.revoked"));
    }

    @Test
    void adminChangesAreAuditedWithTheActor() {
        String[] secret = new String[1];
        String lines = audited(portcullis -> {
            Lifecycle.registerClient(portcullis, "ops", "ops-secret", "admin");
            String admin = Lifecycle.token(portcullis, "ops", "ops-secret");
            HttpResponse<String> created = portcullis.send(java.net.http.HttpRequest.newBuilder(portcullis.uri("/admin/clients"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"client_id\":\"audited\"}")).build());
            assertThat(created.statusCode()).isEqualTo(201);
            secret[0] = RunningServer.json(created).get("client_secret").asText();
        });
        assertThat(lines).doesNotContain(secret[0]);
        assertThat(auditRecord(lines, "admin.client.created")).contains("\"actor\":\"ops\"").contains("\"client_id\":\"audited\"");
    }

    /** The admin API audits a key rotation as the CLI does ({@code admin.key.rotated} with the actor and the new kid). */
    @Test
    void aKeyRotationOverTheAdminApiIsAuditedWithTheActor() {
        String[] kid = new String[1];
        String lines = audited(portcullis -> {
            String admin = Lifecycle.token(portcullis, "dev-admin", "secret");
            HttpResponse<String> rotated = portcullis.send(java.net.http.HttpRequest.newBuilder(portcullis.uri("/admin/keys/rotate"))
                    .header("Authorization", "Bearer " + admin).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            kid[0] = RunningServer.json(rotated).path("created").path("kid").asText();
        });
        assertThat(auditRecord(lines, "admin.key.rotated")).contains("\"actor\":\"dev-admin\"").contains("\"kid\":\"" + kid[0] + "\"");
    }

    /** The JSON audit records written while {@code work} runs against a fresh dev server. */
    private static String audited(java.util.function.Consumer<RunningServer> work) {
        Logger audit = Logger.getLogger("portcullis.audit");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StreamHandler capture = new StreamHandler(captured, new JsonLogFormatter());
        audit.addHandler(capture);
        try (RunningServer portcullis = RunningServer.start()) {
            work.accept(portcullis);
            capture.flush();
            return captured.toString(StandardCharsets.UTF_8);
        } finally {
            audit.removeHandler(capture);
        }
    }

    private static String auditRecord(String lines, String event) {
        Matcher m = Pattern.compile("\\{[^\\n]*\"event\":\"" + Pattern.quote(event) + "\"[^\\n]*}").matcher(lines);
        assertThat(m.find()).as(lines).isTrue();
        return m.group();
    }

    /** Every refused token request is counted by its error, also those refused before a client is known. */
    @Test
    void tokenRequestsRefusedWhileParsingAreCountedToo() {
        try (RunningServer portcullis = RunningServer.start()) {
            assertThat(portcullis.postForm("/token", "grant_type=urn:example:unknown&client_id=myapp&client_secret=secret")
                    .statusCode()).isEqualTo(400);
            assertThat(portcullis.postForm("/token",
                    "grant_type=client_credentials&grant_type=client_credentials&client_id=myapp&client_secret=secret")
                    .statusCode()).isEqualTo(400);

            String scrape = portcullis.metrics().body();

            assertThat(sample(scrape, "portcullis_token_rejections_total", "error", "unsupported_grant_type")).isEqualTo(1.0);
            assertThat(sample(scrape, "portcullis_token_rejections_total", "error", "invalid_request")).isEqualTo(1.0);
        }
    }
}
