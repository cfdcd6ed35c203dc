package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The client_credentials flow over HTTP against a real node, the same on every storage backend:
 * a subclass says which backend ({@code STORAGE_TYPE} and where it is), the tests do not change.
 */
abstract class StorageEndToEndTest {

    /** Environment variables that select and locate the backend, for a node of the current test. */
    abstract List<String> backendEnvironment();

    /** The names /health/ready reports: the backends this node depends on. */
    abstract List<String> probedBackends();

    /** A node of the current test over the backend, with {@code more} environment on top. */
    final RunningServer node(String... more) {
        List<String> environment = new ArrayList<>(backendEnvironment());
        environment.addAll(List.of(more));
        return RunningServer.start(environment.toArray(String[]::new));
    }

    static HttpResponse<String> devTokenRequest(RunningServer node) {
        return node.postForm("/token", form("grant_type", "client_credentials", "client_id", "myapp",
                "client_secret", "secret", "scope", "read"));
    }

    @Test
    void theDevClientGetsATokenThatWhoamiAcceptsAndThePublishedKeysVerify() throws Exception {
        try (RunningServer node = node("WHOAMI_REQUIRED_SCOPE", "read")) {
            HttpResponse<String> response = devTokenRequest(node);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(body.get("expires_in").asInt()).isEqualTo(900);
            assertThat(body.get("scope").asText()).isEqualTo("read");
            String token = body.get("access_token").asText();

            HttpResponse<String> whoami = node.get("/whoami", "Authorization", "Bearer " + token);
            assertThat(whoami.statusCode()).as(whoami.body()).isEqualTo(200);
            assertThat(json(whoami).get("sub").asText()).isEqualTo("myapp");
            assertThat(json(whoami).get("scope").asText()).isEqualTo("read");

            JWTClaimsSet claims = verifyAgainstJwks(node, token);
            assertThat(claims.getSubject()).isEqualTo("myapp");
            assertThat(claims.getStringClaim("client_id")).isEqualTo("myapp");
            assertThat(claims.getIssuer()).isEqualTo(node.base());
        }
    }

    @Test
    void theClientIsReallyLookedUpAWrongSecretOrUnknownClientIsInvalidClient() {
        try (RunningServer node = node()) {
            HttpResponse<String> wrongSecret = node.postForm("/token",
                    form("grant_type", "client_credentials", "client_id", "myapp", "client_secret", "wrong"));
            HttpResponse<String> unknown = node.postForm("/token",
                    form("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "secret"));

            assertThat(wrongSecret.statusCode()).isEqualTo(401);
            assertThat(json(wrongSecret).get("error").asText()).isEqualTo("invalid_client");
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(json(unknown).get("error").asText()).isEqualTo("invalid_client");
        }
    }

    @Test
    void readinessReportsEveryBackendTheNodeDependsOnAndLivenessNone() {
        try (RunningServer node = node()) {
            HttpResponse<String> ready = node.get("/health/ready");

            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            JsonNode body = json(ready);
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(StreamSupport.stream(body.get("checks").spliterator(), false)
                    .map(check -> check.get("name").asText() + " " + check.get("status").asText()))
                    .containsExactlyInAnyOrderElementsOf(probedBackends().stream().map(name -> name + " UP").toList());
            assertThat(node.get("/health/live").statusCode()).isEqualTo(200);
        }
    }

    /** Verifies an access token as a resource server would: with the keys {@code node} publishes, and nothing else. */
    static JWTClaimsSet verifyAgainstJwks(RunningServer node, String token) throws Exception {
        JWKSet published = JWKSet.parse(node.get("/jwks").body());
        assertThat(published.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(published)));
        return processor.process(token, null);
    }
}
