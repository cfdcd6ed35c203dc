package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Lifecycle.introspect;
import static dev.portcullis.bootstrap.Lifecycle.refreshToken;
import static dev.portcullis.bootstrap.Lifecycle.registerClient;
import static dev.portcullis.bootstrap.Lifecycle.token;
import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.headers;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.refresh.FamilyId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7662 against the real server: who may ask, and what an active and an inactive token look like. */
class IntrospectionEndToEndTest {

    private static final String INACTIVE = "{\"active\":false}";

    private static RunningServer portcullis;

    @BeforeAll
    static void start() {
        portcullis = RunningServer.start();
        registerClient(portcullis, "rs", "rs-secret", "introspect");
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    @Test
    void anActiveAccessTokenIsDescribedWithItsClaims() throws Exception {
        String token = portcullis.devToken("scope", "read");
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();

        HttpResponse<String> response = introspect(portcullis, "rs", "rs-secret", "token", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(headers(response).get("cache-control")).isEqualTo("no-store");
        assertThat(headers(response).get("content-type")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("scope").asText()).isEqualTo("read");
        assertThat(body.get("client_id").asText()).isEqualTo("myapp");
        assertThat(body.get("sub").asText()).isEqualTo("myapp");
        assertThat(body.get("exp").asLong()).isEqualTo(claims.getExpirationTime().toInstant().getEpochSecond());
        assertThat(body.get("iat").asLong()).isEqualTo(claims.getIssueTime().toInstant().getEpochSecond());
        assertThat(body.get("iss").asText()).isEqualTo(portcullis.base());
        assertThat(body.get("aud").get(0).asText()).isEqualTo(portcullis.base());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("jti").asText()).isEqualTo(claims.getJWTID());
    }

    @Test
    void aResourceServerMayAskWithItsOwnBearerTokenCarryingTheIntrospectionScope() {
        String token = portcullis.devToken();
        String resourceServer = token(portcullis, "rs", "rs-secret");

        HttpResponse<String> response = portcullis.postForm("/introspect", form("token", token),
                "Authorization", "Bearer " + resourceServer);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("active").asBoolean()).isTrue();
    }

    @Test
    void aBearerTokenWithoutTheIntrospectionScopeIsForbidden() {
        String token = portcullis.devToken();

        HttpResponse<String> response = portcullis.postForm("/introspect", form("token", token),
                "Authorization", "Bearer " + portcullis.devToken());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").asText()).isEqualTo("insufficient_scope");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer ").contains("error=\"insufficient_scope\"").contains("scope=\"introspect\"");
    }

    @Test
    void unauthenticatedCallersAreRefused() {
        String token = portcullis.devToken();

        HttpResponse<String> anonymous = portcullis.postForm("/introspect", form("token", token));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("error").asText()).isEqualTo("invalid_client");
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .anySatisfy(v -> assertThat(v).startsWith("Basic"))
                .anySatisfy(v -> assertThat(v).contains("Bearer"));

        HttpResponse<String> badBearer = portcullis.postForm("/introspect", form("token", token),
                "Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA");
        assertThat(badBearer.statusCode()).isEqualTo(401);
        assertThat(json(badBearer).get("error").asText()).isEqualTo("invalid_token");

        HttpResponse<String> wrongSecret = introspect(portcullis, "rs", "nope", "token", token);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void revokedForgedUnknownAndForeignIssuerTokensAreOnlyInactive() {
        String revoked = portcullis.devToken();
        Lifecycle.revoke(portcullis, "myapp", "secret", "token", revoked);
        String valid = portcullis.devToken();
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        // Issued for the issuer http://localhost:<port>; asked at http://auth.other.test:<port>, another issuer
        String otherIssuer = portcullis.devToken();

        for (String token : List.of(revoked, forged, "no-such-token", "a.b.c")) {
            HttpResponse<String> response = introspect(portcullis, "rs", "rs-secret", "token", token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(INACTIVE);
        }
        String request = "POST /introspect HTTP/1.1\r\nHost: auth.other.test:" + portcullis.server.port()
                + "\r\nAuthorization: " + basic("rs", "rs-secret") + "\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + form("token", otherIssuer).length() + "\r\nConnection: close\r\n\r\n"
                + form("token", otherIssuer);
        RawHttp.Response elsewhere = RawHttp.send(portcullis.server.port(), request.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(elsewhere.text()).isEqualTo(INACTIVE);
        assertThat(introspect(portcullis, "rs", "rs-secret", "token", valid).body()).contains("\"active\":true");
    }

    @Test
    void anExpiredTokenIsInactiveEvenInsideTheVerifiersClockSkew() throws Exception {
        try (RunningServer shortLived = RunningServer.start("TOKEN_ACCESS_TOKEN_TTL", "1s")) {
            registerClient(shortLived, "rs", "rs-secret", "introspect");
            String token = shortLived.devToken();
            assertThat(introspect(shortLived, "rs", "rs-secret", "token", token).body()).contains("\"active\":true");

            Thread.sleep(2_100);

            assertThat(introspect(shortLived, "rs", "rs-secret", "token", token).body()).isEqualTo(INACTIVE);
            assertThat(Lifecycle.whoami(shortLived, token)).as("a resource server still allows 60 s of skew").isEqualTo(200);
        }
    }

    @Test
    void aRefreshTokenIsDescribedToItsOwnClientOnly() {
        String refresh = refreshToken(portcullis, "myapp", new FamilyId("fam-" + UUID.randomUUID()), portcullis.devToken());

        JsonNode own = json(introspect(portcullis, "myapp", "secret", "token", refresh, "token_type_hint", "refresh_token"));
        assertThat(own.get("active").asBoolean()).isTrue();
        assertThat(own.get("token_type").asText()).isEqualTo("refresh_token");
        assertThat(own.get("client_id").asText()).isEqualTo("myapp");
        assertThat(own.get("sub").asText()).isEqualTo("myapp");
        assertThat(own.get("scope").asText()).isEqualTo("read");
        assertThat(own.has("exp")).isTrue();

        assertThat(introspect(portcullis, "rs", "rs-secret", "token", refresh).body()).isEqualTo(INACTIVE);
    }

    @Test
    void discoveryAdvertisesBothEndpointsWithTheirAuthenticationMethods() {
        JsonNode metadata = json(portcullis.get("/.well-known/oauth-authorization-server"));

        assertThat(metadata.get("revocation_endpoint").asText()).isEqualTo(portcullis.base() + "/revoke");
        assertThat(metadata.get("revocation_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
                .as("public clients may revoke their own tokens").containsExactly("client_secret_basic", "client_secret_post", "none");
        assertThat(metadata.get("introspection_endpoint").asText()).isEqualTo(portcullis.base() + "/introspect");
        assertThat(metadata.get("introspection_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
                .as("registered names only (IANA OAuth Token Endpoint Authentication Methods): bearer access is documented")
                .containsExactly("client_secret_basic", "client_secret_post");
    }

    @Test
    void aClientWithoutTheIntrospectionScopeSeesOnlyTokensIssuedToItOrNamingItInAud() {
        registerClient(portcullis, "peer", "peer-secret", "read");
        registerClientFor(portcullis, "peer-caller", "peer");
        String othersToken = portcullis.devToken();
        String forPeer = token(portcullis, "peer-caller", "secret");
        String own = token(portcullis, "peer", "peer-secret");

        assertThat(introspect(portcullis, "peer", "peer-secret", "token", othersToken).body())
                .as("another client's token, not naming peer").isEqualTo(INACTIVE);
        assertThat(json(introspect(portcullis, "peer", "peer-secret", "token", own)).get("active").asBoolean())
                .as("its own token").isTrue();
        assertThat(json(introspect(portcullis, "peer", "peer-secret", "token", forPeer)).get("active").asBoolean())
                .as("a token whose aud names it").isTrue();
        assertThat(json(introspect(portcullis, "rs", "rs-secret", "token", othersToken)).get("active").asBoolean())
                .as("a client holding the introspection scope sees any token").isTrue();
    }

    @Test
    void thePolicyAnyClientKeepsTheOldBehaviour() {
        try (RunningServer open = RunningServer.start("INTROSPECTION_POLICY", "any-client")) {
            registerClient(open, "peer", "peer-secret", "read");

            assertThat(json(introspect(open, "peer", "peer-secret", "token", open.devToken())).get("active").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void aPublicClientMayNotIntrospectEvenItsOwnTokens() {
        HttpResponse<String> response = portcullis.postForm("/introspect", form("token", "whatever", "client_id", "spa"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
    }

    /** A confidential client (secret "secret") whose tokens name {@code audience} in aud. */
    private static void registerClientFor(RunningServer server, String id, String audience) {
        server.server.storage().clients().save(Client.confidential(new ClientId(id),
                        SecretHashers.forClientSecrets(Clock.systemUTC()).hash("secret"))
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS))
                .audience(List.of(audience))
                .build());
    }
}
