package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Lifecycle.kid;
import static dev.portcullis.bootstrap.Lifecycle.registerClient;
import static dev.portcullis.bootstrap.Lifecycle.token;
import static dev.portcullis.bootstrap.Lifecycle.whoami;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/keys/rotate} on the real server. */
class KeyRotationEndToEndTest {

    private static HttpResponse<String> rotate(RunningServer portcullis, String bearer) {
        return portcullis.postForm("/admin/keys/rotate", "", "Authorization", "Bearer " + bearer);
    }

    @Test
    void anAdminRotatesTheKeyWhichIsPublishedAtOnceAndSignsAfterTheDelay() {
        try (RunningServer portcullis = RunningServer.start("KEYS_ACTIVATION_DELAY", "3s")) {
            registerClient(portcullis, "ops", "ops-secret", "admin");
            String before = portcullis.devToken();
            String oldKid = kid(before);

            HttpResponse<String> response = rotate(portcullis, token(portcullis, "ops", "ops-secret"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode body = json(response);
            String newKid = body.get("created").get("kid").asText();
            assertThat(body.get("created").get("status").asText()).isEqualTo("pending");
            assertThat(body.get("created").get("alg").asText()).isEqualTo("ES256");
            assertThat(body.get("retiring").get(0).get("kid").asText()).isEqualTo(oldKid);
            Instant activatesAt = Instant.parse(body.get("created").get("activates_at").asText());
            Instant retiresAt = Instant.parse(body.get("retiring").get(0).get("retires_at").asText());
            assertThat(Duration.between(activatesAt, retiresAt))
                    .as("the longest token lifetime (900 s) + clock skew (60 s) + key refresh (5 s)")
                    .isEqualTo(Duration.ofSeconds(965));
            assertThat(portcullis.get("/jwks").body()).as("published at once").contains(oldKid).contains(newKid);
            assertThat(kid(portcullis.devToken())).as("not signing before the delay").isEqualTo(oldKid);

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> kid(portcullis.devToken()).equals(newKid));
            assertThat(Instant.now()).isAfterOrEqualTo(activatesAt);
            assertThat(whoami(portcullis, before)).as("tokens of the old key stay valid").isEqualTo(200);
            assertThat(portcullis.get("/jwks").body()).contains(oldKid);
        }
    }

    @Test
    void onlyABearerTokenWithTheAdminScopeMayRotate() {
        try (RunningServer portcullis = RunningServer.start()) {
            String jwksBefore = portcullis.get("/jwks").body();

            HttpResponse<String> anonymous = portcullis.postForm("/admin/keys/rotate", "");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"portcullis\"");

            HttpResponse<String> notAdmin = rotate(portcullis, portcullis.devToken());
            assertThat(notAdmin.statusCode()).isEqualTo(403);
            assertThat(json(notAdmin).get("error").asText()).isEqualTo("insufficient_scope");
            assertThat(notAdmin.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("scope=\"admin\"");

            HttpResponse<String> forged = rotate(portcullis, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(json(forged).get("error").asText()).isEqualTo("invalid_token");

            assertThat(portcullis.get("/admin/keys/rotate").statusCode()).isEqualTo(405);
            assertThat(portcullis.get("/jwks").body()).as("nothing rotated").isEqualTo(jwksBefore);
        }
    }

    @Test
    void theAdminScopeIsConfigurable() {
        try (RunningServer portcullis = RunningServer.start("ADMIN_SCOPE", "keys:rotate")) {
            registerClient(portcullis, "ops", "ops-secret", "keys:rotate");

            assertThat(rotate(portcullis, token(portcullis, "ops", "ops-secret")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sharedSecretKeysAreNotRotatedByTheServer() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (RunningServer portcullis = RunningServer.start("SIGNING_ALGORITHM", "HS256",
                "SIGNING_HS256_KEY", Base64.getEncoder().encodeToString(key))) {
            registerClient(portcullis, "ops", "ops-secret", "admin");

            HttpResponse<String> response = rotate(portcullis, token(portcullis, "ops", "ops-secret"));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
        }
    }
}
