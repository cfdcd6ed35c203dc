package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.bootstrap.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Which issuer a request is answered for, on the real server: in dev one issuer whichever loopback name the user
 * types; in prod the configured issuer, or one of an explicit list; a Host the operator did not name mints nothing.
 */
class IssuerEndToEndTest {

    private static final String DISCOVERY = "/.well-known/oauth-authorization-server";
    private static final String CC = "grant_type=client_credentials&client_id=myapp&client_secret=secret";

    private static RawHttp.Response get(RunningServer server, String host, String target, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return RawHttp.send(server.server.port(), request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static RawHttp.Response post(RunningServer server, String host, String target, String form, String... headers) {
        StringBuilder request = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(form.length())
                .append("\r\nConnection: close\r\n\r\n").append(form);
        return RawHttp.send(server.server.port(), request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static JsonNode json(RawHttp.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.text(), e);
        }
    }

    @Test
    void inDevATokenWorksWhicheverLoopbackNameTheUserTypes() throws Exception {
        try (RunningServer dev = RunningServer.start()) {
            int port = dev.server.port();
            String fromLocalhost = dev.devToken();
            String from127 = json(post(dev, "127.0.0.1:" + port, "/token", CC)).get("access_token").asText();

            assertThat(SignedJWT.parse(from127).getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:" + port);
            for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port}) {
                for (String token : new String[] {fromLocalhost, from127}) {
                    assertThat(get(dev, host, "/whoami", "Authorization", "Bearer " + token).status()).as(host).isEqualTo(200);
                    assertThat(json(post(dev, host, "/introspect", "token=" + token, "Authorization", RunningServer.basic("myapp",
                            "secret"))).get("active").asBoolean()).as(host).isTrue();
                }
            }
        }
    }

    @Test
    void inDevDiscoveryNamesLocalhostAtEveryLoopbackName() {
        try (RunningServer dev = RunningServer.start()) {
            int port = dev.server.port();
            for (String host : new String[] {"127.0.0.1:" + port, "[::1]:" + port, "localhost:" + port}) {
                assertThat(json(get(dev, host, DISCOVERY)).get("issuer").asText()).as(host).isEqualTo("http://localhost:" + port);
            }
        }
    }

    @Test
    void inDevAnotherHostNameIsAnotherIssuerAndTheAnswerSaysItVariesByHost() {
        try (RunningServer dev = RunningServer.start()) {
            RawHttp.Response discovery = get(dev, "auth.test:8443", DISCOVERY);

            assertThat(json(discovery).get("issuer").asText()).isEqualTo("http://auth.test:8443");
            assertThat(discovery.all("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Host"));
        }
    }

    @Test
    void prodRefusesToStartWithoutAnIssuerOrAnAllowList() {
        assertThatThrownBy(() -> RunningServer.start("PORTCULLIS_PROFILE", "prod"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ISSUER").hasMessageContaining("ALLOWED_ISSUERS");
    }

    @Test
    void prodWithAnAllowListAnswersOnlyForTheListedIssuers() throws Exception {
        try (RunningServer prod = RunningServer.start("PORTCULLIS_PROFILE", "prod", "DISCOVERY_ENABLED", "true",
                "ALLOWED_ISSUERS", "https://a.example, http://b.example:8080")) {
            RawHttp.Response listed = get(prod, "b.example:8080", DISCOVERY);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(json(listed).get("issuer").asText()).isEqualTo("http://b.example:8080");
            assertThat(listed.all("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Host"));

            for (String host : new String[] {"evil.example", "b.example", "a.example", "localhost:" + prod.server.port()}) {
                RawHttp.Response discovery = get(prod, host, DISCOVERY);
                assertThat(discovery.status()).as(host).isEqualTo(400);
                assertThat(json(discovery).get("error").asText()).isEqualTo("invalid_request");
                RawHttp.Response token = post(prod, host, "/token", "grant_type=client_credentials",
                        "Authorization", RunningServer.basic("nobody", "x"));
                assertThat(token.status()).as(host).isEqualTo(400);
                assertThat(json(token).get("error").asText()).isEqualTo("invalid_request");
            }
        }
    }

    @Test
    void aConfiguredIssuerIsNeverAVaryingAnswer() {
        try (RunningServer fixed = RunningServer.start("ISSUER", "https://auth.example.com")) {
            RawHttp.Response discovery = get(fixed, "evil.example", DISCOVERY);

            assertThat(json(discovery).get("issuer").asText()).isEqualTo("https://auth.example.com");
            assertThat(discovery.all("Vary")).noneSatisfy(v -> assertThat(v).containsIgnoringCase("Host"));
        }
    }
}
