package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.portcullis.bootstrap.config.ConfigurationException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What configuration changes, observed over HTTP. */
class ConfigurationVariantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "RS256", "EdDSA"})
    void eachAsymmetricAlgorithmSignsTokensThatWhoamiAccepts(String algorithm) throws Exception {
        try (RunningServer portcullis = RunningServer.start("SIGNING_ALGORITHM", algorithm)) {
            String token = portcullis.devToken();

            assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.parse(algorithm));
            assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(portcullis.get("/jwks").body()).contains(algorithm);
        }
    }

    @Test
    void hs256SignsWithTheConfiguredKeyAndNeverPublishesIt() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        try (RunningServer portcullis = RunningServer.start("SIGNING_ALGORITHM", "HS256", "SIGNING_HS256_KEY", encoded)) {
            String token = portcullis.devToken();

            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
            assertThat(jwt.verify(new MACVerifier(key))).isTrue();
            assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            String jwks = portcullis.get("/jwks").body();
            assertThat(jwks).doesNotContain("\"oct\"").doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        }
    }

    @Test
    void aDeploymentSignsWithTheKeysOfItsJwkSetFile(@TempDir Path dir) throws Exception {
        ECKey operatorKey = new ECKeyGenerator(Curve.P_256).keyID("operator-2026").algorithm(JWSAlgorithm.ES256).generate();
        Path file = dir.resolve("keys.json");
        Files.writeString(file, new JWKSet(operatorKey).toString(false));
        try (RunningServer portcullis = RunningServer.start("SIGNING_JWKS_FILE", file.toString())) {
            SignedJWT jwt = SignedJWT.parse(portcullis.devToken());

            assertThat(jwt.getHeader().getKeyID()).isEqualTo("operator-2026");
            assertThat(jwt.verify(new ECDSAVerifier(operatorKey.toPublicJWK()))).isTrue();
            assertThat(JWKSet.parse(portcullis.get("/jwks").body()).getKeyByKeyId("operator-2026")).isNotNull();
        }
    }

    @Test
    void anUnfitJwkSetFileStopsTheStartWithOneLine(@TempDir Path dir) throws Exception {
        ECKey publicOnly = new ECKeyGenerator(Curve.P_256).keyID("no-private-part").generate().toPublicJWK();
        Path file = dir.resolve("keys.json");
        Files.writeString(file, new JWKSet(publicOnly).toString(false));

        assertThatThrownBy(() -> RunningServer.start("SIGNING_JWKS_FILE", file.toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("signing.jwks-file");
    }

    @Test
    void lifetimeAndAudienceComeFromConfiguration() throws Exception {
        try (RunningServer portcullis = RunningServer.start("TOKEN_ACCESS_TOKEN_TTL", "5m", "TOKEN_AUDIENCE", "https://api.example.com")) {
            HttpResponse<String> response = portcullis.postForm("/token",
                    "grant_type=client_credentials&client_id=myapp&client_secret=secret");

            assertThat(json(response).get("expires_in").asInt()).isEqualTo(300);
            assertThat(SignedJWT.parse(json(response).get("access_token").asText()).getJWTClaimsSet().getAudience())
                    .containsExactly("https://api.example.com");
        }
    }

    @Test
    void aConfiguredIssuerIsUsedWhateverTheHost() throws Exception {
        try (RunningServer portcullis = RunningServer.start("ISSUER", "https://auth.example.com/")) {
            String token = portcullis.devToken();

            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo("https://auth.example.com");
            assertThat(json(portcullis.get("/.well-known/oauth-authorization-server")).get("token_endpoint").asText())
                    .isEqualTo("https://auth.example.com/token");
        }
    }

    @Test
    void discoveryCanBeSwitchedOff() {
        try (RunningServer portcullis = RunningServer.start("DISCOVERY_ENABLED", "false")) {
            assertThat(portcullis.get("/.well-known/oauth-authorization-server").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // JWT times are whole seconds: a 3 s token lives between 2 and 3 s, so it is fresh at first and dead after 3.2 s
        try (RunningServer portcullis = RunningServer.start("TOKEN_ACCESS_TOKEN_TTL", "3s", "TOKEN_CLOCK_SKEW", "0s")) {
            String token = portcullis.devToken();
            assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

            Thread.sleep(3_200);

            HttpResponse<String> late = portcullis.get("/whoami", "Authorization", "Bearer " + token);
            assertThat(late.statusCode()).isEqualTo(401);
            assertThat(late.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }
    }

    @Test
    void theProductionProfileStartsWithoutTheDevClient() {
        try (RunningServer portcullis = RunningServer.start("PORTCULLIS_PROFILE", "prod", "SERVER_HOST", "127.0.0.1",
                "ISSUER", "https://auth.example.com")) {
            HttpResponse<String> response = portcullis.postForm("/token",
                    "grant_type=client_credentials&client_id=myapp&client_secret=secret");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(portcullis.get("/.well-known/oauth-authorization-server").statusCode())
                    .as("discovery is off unless configured in prod").isEqualTo(404);
        }
    }
}
