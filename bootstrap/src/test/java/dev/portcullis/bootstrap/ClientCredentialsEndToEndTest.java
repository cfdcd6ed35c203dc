package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.headers;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.JWSAlgorithm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's walk-through, against the real server on the embedded default. */
class ClientCredentialsEndToEndTest {

    private static RunningServer portcullis;

    @BeforeAll
    static void start() {
        portcullis = RunningServer.start("WHOAMI_REQUIRED_SCOPE", "read");
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    @Test
    void theCurlExampleGetsABearerTokenWithTheDefaultLifetime() {
        HttpResponse<String> response = portcullis.postForm("/token",
                "grant_type=client_credentials&client_id=myapp&client_secret=secret");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> headers = headers(response);
        assertThat(headers.get("content-type")).startsWith("application/json");
        assertThat(headers.get("cache-control")).isEqualTo("no-store");
        assertThat(headers.get("pragma")).isEqualTo("no-cache");
        JsonNode body = json(response);
        assertThat(body.get("access_token").asText()).startsWith("eyJ");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(900);
        assertThat(body.get("scope").asText()).isEqualTo("read write");
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void theTokenIsAnRfc9068JwtThatVerifiesAgainstThePublishedKeys() throws Exception {
        String token = portcullis.devToken("scope", "read");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();

        JWKSet published = JWKSet.parse(portcullis.get("/jwks").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(published)));
        JWTClaimsSet claims = processor.process(token, null);

        assertThat(claims.getIssuer()).isEqualTo(portcullis.base());
        assertThat(claims.getSubject()).isEqualTo("myapp");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("myapp");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read");
        assertThat(claims.getAudience()).containsExactly(portcullis.base());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(900));
        assertThat(claims.getIssueTime().toInstant()).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));
    }

    @Test
    void basicAuthenticationWorksTheSame() {
        HttpResponse<String> response = portcullis.postForm("/token", "grant_type=client_credentials&scope=write",
                "Authorization", basic("myapp", "secret"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("scope").asText()).isEqualTo("write");
    }

    @Test
    void everyTokenHasItsOwnId() throws Exception {
        String first = portcullis.devToken();
        String second = portcullis.devToken();
        assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
    }

    @Test
    void whoamiAnswersTheTokensSubjectClientScopesAndExpiry() {
        String token = portcullis.devToken();

        HttpResponse<String> response = portcullis.get("/whoami", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("sub").asText()).isEqualTo("myapp");
        assertThat(body.get("client_id").asText()).isEqualTo("myapp");
        assertThat(body.get("scope").asText()).isEqualTo("read write");
        assertThat(body.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    }

    @Test
    void whoamiWithoutATokenAsksForOne() {
        HttpResponse<String> response = portcullis.get("/whoami");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(headers(response).get("www-authenticate")).startsWith("Bearer realm=").doesNotContain("error=");
    }

    @Test
    void whoamiRefusesATamperedToken() {
        String token = portcullis.devToken();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        HttpResponse<String> response = portcullis.get("/whoami", "Authorization", "Bearer " + tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(headers(response).get("www-authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void whoamiRefusesATokenWithoutTheRequiredScope() {
        String token = portcullis.devToken("scope", "write");

        HttpResponse<String> response = portcullis.get("/whoami", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(headers(response).get("www-authenticate")).contains("error=\"insufficient_scope\"");
    }

    @Test
    void discoveryDescribesTheServerInTheDevProfile() {
        HttpResponse<String> response = portcullis.get("/.well-known/oauth-authorization-server");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = json(response);
        assertThat(metadata.get("issuer").asText()).isEqualTo(portcullis.base());
        assertThat(metadata.get("token_endpoint").asText()).isEqualTo(portcullis.base() + "/token");
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(portcullis.base() + "/jwks");
        assertThat(metadata.get("grant_types_supported").toString()).contains("client_credentials");
        assertThat(metadata.get("token_endpoint_auth_methods_supported").toString())
                .contains("client_secret_basic", "client_secret_post");
        assertThat(metadata.get("scopes_supported").toString()).contains("read", "write");
        assertThat(metadata.has("response_types_supported")).isTrue();
    }

    @Test
    void thePublishedKeysHoldNoPrivateParts() throws Exception {
        HttpResponse<String> response = portcullis.get("/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(response.body());
        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(json(response).toString()).doesNotContain("\"d\"");
    }

    @Test
    void wrongSecretIsInvalidClient() {
        HttpResponse<String> response = portcullis.postForm("/token",
                form("grant_type", "client_credentials", "client_id", "myapp", "client_secret", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        assertThat(headers(response).get("cache-control")).isEqualTo("no-store");
    }

    @Test
    void wrongSecretOverBasicAsksForBasic() {
        HttpResponse<String> response = portcullis.postForm("/token", "grant_type=client_credentials",
                "Authorization", basic("myapp", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(headers(response).get("www-authenticate")).startsWith("Basic");
    }

    @Test
    void aScopeBeyondTheClientsIsInvalidScope() {
        HttpResponse<String> response = portcullis.postForm("/token",
                form("grant_type", "client_credentials", "client_id", "myapp", "client_secret", "secret", "scope", "admin"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_scope");
    }

    /** The README's admin example works on the embedded default: the dev admin client, and nothing else, gets in. */
    @Test
    void theDevAdminClientCanCallTheAdminApiAndTheDevClientCannot() {
        HttpResponse<String> token = portcullis.postForm("/token", "grant_type=client_credentials",
                "Authorization", basic("dev-admin", "secret"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json(token).get("scope").asText()).isEqualTo("admin");

        HttpResponse<String> clients = portcullis.get("/admin/clients",
                "Authorization", "Bearer " + json(token).get("access_token").asText());
        assertThat(clients.statusCode()).isEqualTo(200);
        assertThat(clients.body()).contains("\"myapp\"", "\"dev-admin\"").doesNotContain("secret_hash");

        assertThat(portcullis.get("/admin/clients", "Authorization", "Bearer " + portcullis.devToken()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aGrantTheClientLacksIsUnauthorizedClientOrUnsupported() {
        HttpResponse<String> response = portcullis.postForm("/token",
                form("grant_type", "urn:example:unknown", "client_id", "myapp", "client_secret", "secret"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void badInputIsInvalidRequestNeverAServerError() {
        assertThat(portcullis.postForm("/token", "client_id=myapp&client_secret=secret").statusCode()).isEqualTo(400);
        assertThat(portcullis.postForm("/token",
                "grant_type=client_credentials&grant_type=client_credentials&client_id=myapp&client_secret=secret")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> json = portcullis.send(HttpRequest.newBuilder(portcullis.uri("/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json(json).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void wrongMethodUnknownPathAndHugeBodyAreAnsweredPlainly() {
        HttpResponse<String> get = portcullis.get("/token");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(headers(get).get("allow")).contains("POST");

        assertThat(portcullis.get("/no/such/thing").statusCode()).isEqualTo(404);

        HttpResponse<String> huge = portcullis.postForm("/token", "grant_type=client_credentials&pad=" + "x".repeat(17 * 1024));
        assertThat(huge.statusCode()).isEqualTo(413);
    }
}
