package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Lifecycle.introspect;
import static dev.portcullis.bootstrap.Lifecycle.refreshToken;
import static dev.portcullis.bootstrap.Lifecycle.registerClient;
import static dev.portcullis.bootstrap.Lifecycle.revoke;
import static dev.portcullis.bootstrap.Lifecycle.token;
import static dev.portcullis.bootstrap.Lifecycle.whoami;
import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.headers;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.refresh.FamilyId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7009 against the real server on the embedded default: what a client can revoke, and what it cannot. */
class RevocationEndToEndTest {

    private static RunningServer portcullis;

    @BeforeAll
    static void start() {
        portcullis = RunningServer.start();
        registerClient(portcullis, "other", "other-secret", "read");
        registerClient(portcullis, "rs", "rs-secret", "introspect");
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    private static boolean active(String token) {
        return json(introspect(portcullis, "rs", "rs-secret", "token", token)).get("active").asBoolean();
    }

    @Test
    void aClientRevokesItsOwnAccessTokenAndItIsRefusedFromThenOn() {
        String token = token(portcullis, "myapp", "secret");
        assertThat(whoami(portcullis, token)).isEqualTo(200);

        HttpResponse<String> response = revoke(portcullis, "myapp", "secret", "token", token, "token_type_hint", "access_token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        Map<String, String> headers = headers(response);
        assertThat(headers.get("cache-control")).isEqualTo("no-store");
        assertThat(headers.get("pragma")).isEqualTo("no-cache");
        assertThat(whoami(portcullis, token)).isEqualTo(401);
        assertThat(active(token)).isFalse();
    }

    @Test
    void clientSecretPostWorksAsAtTheTokenEndpoint() {
        String token = token(portcullis, "myapp", "secret");

        HttpResponse<String> response = portcullis.postForm("/revoke",
                RunningServer.form("token", token, "client_id", "myapp", "client_secret", "secret"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(whoami(portcullis, token)).isEqualTo(401);
    }

    @Test
    void anotherClientsTokenIsAnsweredLikeASuccessAndLeftAlone() {
        String theirs = token(portcullis, "other", "other-secret");

        HttpResponse<String> response = revoke(portcullis, "myapp", "secret", "token", theirs);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(whoami(portcullis, theirs)).isEqualTo(200);
        assertThat(active(theirs)).isTrue();
    }

    @Test
    void unknownAndMalformedTokensAndUnknownHintsAre200() {
        assertThat(revoke(portcullis, "myapp", "secret", "token", "not-a-token").statusCode()).isEqualTo(200);
        assertThat(revoke(portcullis, "myapp", "secret", "token", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln").statusCode()).isEqualTo(200);
        assertThat(revoke(portcullis, "myapp", "secret", "token", "x", "token_type_hint", "id_token").statusCode()).isEqualTo(200);
    }

    @Test
    void revokingARefreshTokenRevokesItsFamilyAndTheAccessTokensIssuedWithIt() {
        String access1 = token(portcullis, "myapp", "secret");
        String access2 = token(portcullis, "myapp", "secret");
        String elsewhere = token(portcullis, "myapp", "secret");
        FamilyId family = new FamilyId("fam-" + UUID.randomUUID());
        String rotated = refreshToken(portcullis, "myapp", family, access1);
        String current = refreshToken(portcullis, "myapp", family, access2);
        String otherFamily = refreshToken(portcullis, "myapp", new FamilyId("fam-" + UUID.randomUUID()), elsewhere);

        HttpResponse<String> response = revoke(portcullis, "myapp", "secret", "token", current, "token_type_hint", "refresh_token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(whoami(portcullis, access1)).isEqualTo(401);
        assertThat(whoami(portcullis, access2)).isEqualTo(401);
        assertThat(json(introspect(portcullis, "myapp", "secret", "token", rotated)).get("active").asBoolean()).isFalse();
        assertThat(json(introspect(portcullis, "myapp", "secret", "token", current)).get("active").asBoolean()).isFalse();
        assertThat(json(introspect(portcullis, "myapp", "secret", "token", otherFamily)).get("active").asBoolean()).isTrue();
        assertThat(whoami(portcullis, elsewhere)).isEqualTo(200);
    }

    @Test
    void anotherClientsRefreshTokenIsLeftAlone() {
        String theirAccess = token(portcullis, "other", "other-secret");
        String theirs = refreshToken(portcullis, "other", new FamilyId("fam-" + UUID.randomUUID()), theirAccess);

        assertThat(revoke(portcullis, "myapp", "secret", "token", theirs, "token_type_hint", "refresh_token").statusCode())
                .isEqualTo(200);

        assertThat(json(introspect(portcullis, "other", "other-secret", "token", theirs)).get("active").asBoolean()).isTrue();
        assertThat(whoami(portcullis, theirAccess)).isEqualTo(200);
    }

    @Test
    void clientsAuthenticateBeforeAnythingIsRevoked() {
        String token = token(portcullis, "myapp", "secret");

        HttpResponse<String> wrongSecret = revoke(portcullis, "myapp", "wrong", "token", token);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).get("error").asText()).isEqualTo("invalid_client");
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"portcullis\"");
        assertThat(headers(wrongSecret).get("cache-control")).isEqualTo("no-store");

        HttpResponse<String> anonymous = portcullis.postForm("/revoke", RunningServer.form("token", token));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("error").asText()).isEqualTo("invalid_client");

        assertThat(whoami(portcullis, token)).as("nothing was revoked").isEqualTo(200);
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        HttpResponse<String> noToken = portcullis.postForm("/revoke", "token_type_hint=access_token",
                "Authorization", basic("myapp", "secret"));
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(json(noToken).get("error").asText()).isEqualTo("invalid_request");

        HttpResponse<String> twice = portcullis.postForm("/revoke", "token=a&token=b", "Authorization", basic("myapp", "secret"));
        assertThat(twice.statusCode()).isEqualTo(400);

        HttpResponse<String> json = portcullis.send(HttpRequest.newBuilder(portcullis.uri("/revoke"))
                .header("Content-Type", "application/json").header("Authorization", basic("myapp", "secret"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}")).build());
        assertThat(json.statusCode()).isEqualTo(400);

        HttpResponse<String> get = portcullis.get("/revoke");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }
}
