package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.Lifecycle.registerClient;
import static dev.portcullis.bootstrap.Lifecycle.token;
import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin REST API on the real server: every success and every refusal, over memory storage. */
class AdminApiEndToEndTest {

    private static RunningServer portcullis;
    private static String admin;

    @BeforeAll
    static void start() {
        portcullis = RunningServer.start("USERS_BCRYPT_COST", "4");
        registerClient(portcullis, "ops", "ops-secret", "admin");
        admin = token(portcullis, "ops", "ops-secret");
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    static HttpResponse<String> call(String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portcullis.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return portcullis.send(request.build());
    }

    static HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body, admin);
    }

    private static HttpResponse<String> clientCredentials(String id, String secret) {
        return portcullis.postForm("/token", "grant_type=client_credentials", "Authorization", basic(id, secret));
    }

    private static HttpResponse<String> passwordGrant(String username, String password) {
        return portcullis.postForm("/token", form("grant_type", "password", "username", username, "password", password),
                "Authorization", basic("myapp", "secret"));
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String descriptionPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).contains(descriptionPart);
    }

    @Test
    void aRegisteredClientGetsAServerGeneratedSecretShownOnceThatWorksAtTheTokenEndpoint() {
        HttpResponse<String> created = call("POST", "/admin/clients",
                "{\"client_id\":\"billing\",\"scope\":\"invoices:read invoices:write\",\"default_scope\":\"invoices:read\","
                        + "\"access_token_ttl\":300,\"audience\":[\"https://billing.example\"]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/clients/billing");
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(created);
        String secret = body.get("client_secret").asText();
        assertThat(secret).hasSize(43);
        assertThat(body.get("client_type").asText()).isEqualTo("confidential");
        assertThat(body.get("grant_types").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(body.get("access_token_ttl").asInt()).isEqualTo(300);
        assertThat(created.body()).doesNotContain("$sha256$").doesNotContain("hash");

        HttpResponse<String> issued = clientCredentials("billing", secret);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(json(issued).get("scope").asText()).isEqualTo("invoices:read");
        assertThat(json(issued).get("expires_in").asInt()).isEqualTo(300);

        HttpResponse<String> read = call("GET", "/admin/clients/billing", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret).doesNotContain("$sha256$");
        assertThat(json(read).has("client_secret")).isFalse();
        assertThat(json(read).get("scope").asText()).isEqualTo("invoices:read invoices:write");

        HttpResponse<String> list = call("GET", "/admin/clients", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("clients").findValuesAsText("client_id")).contains("billing", "myapp", "ops");
        assertThat(list.body()).doesNotContain(secret).doesNotContain("$sha256$");

        assertThat(portcullis.get("/.well-known/oauth-authorization-server").body())
                .as("scopes_supported reads the store, not the start").contains("invoices:write");
    }

    @Test
    void aPublicClientHasNoSecret() {
        HttpResponse<String> created = call("POST", "/admin/clients", "{\"client_id\":\"spa2\",\"client_type\":\"public\","
                + "\"redirect_uris\":[\"https://spa.example/cb\"],\"scope\":\"profile\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).has("client_secret")).isFalse();
        assertThat(json(created).get("token_endpoint_auth_methods").toString()).isEqualTo("[\"none\"]");
        assertError(call("POST", "/admin/clients/spa2/secret", null), 409, "conflict", "public client has no secret");
    }

    @Test
    void registrationRefusesDuplicatesAndInvalidClientsWithAClearMessage() {
        assertThat(call("POST", "/admin/clients", "{\"client_id\":\"dup\"}").statusCode()).isEqualTo(201);
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"dup\"}"), 409, "conflict", "exists");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"myapp\"}"), 409, "conflict", "exists");
        assertError(call("POST", "/admin/clients", "{\"scope\":\"a\"}"), 400, "invalid_request", "client_id is required");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x1\",\"client_secret\":\"mine\"}"), 400,
                "invalid_request", "unknown field: client_secret");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x2\",\"grant_types\":[\"implicit\"]}"), 400,
                "invalid_request", "grant_types");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x3\",\"client_type\":\"public\","
                + "\"grant_types\":[\"client_credentials\"]}"), 400, "invalid_request", "public client may only use");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x4\",\"scope\":\"a\",\"default_scope\":\"b\"}"), 400,
                "invalid_request", "default scopes must be allowed scopes");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x5\",\"access_token_ttl\":-5}"), 400,
                "invalid_request", "access_token_ttl must be a positive integer");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x6\",\"redirect_uris\":[\"/relative\"]}"), 400,
                "invalid_request", "redirect URIs must be absolute");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x7\",\"client_type\":\"robot\"}"), 400,
                "invalid_request", "client_type must be confidential or public");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x8\",\"client_id\":\"x9\"}"), 400,
                "invalid_request", "not valid JSON");
        assertError(call("POST", "/admin/clients", "[1,2]"), 400, "invalid_request", "JSON object");
        assertError(call("POST", "/admin/clients", "{not json"), 400, "invalid_request", "not valid JSON");
        HttpResponse<String> formBody = portcullis.postForm("/admin/clients", "client_id=x10", "Authorization", "Bearer " + admin);
        assertError(formBody, 415, "invalid_request", "application/json");
        assertThat(call("GET", "/admin/clients/x1", null).statusCode()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void redirectUrisFollowTheSameRuleAsAtRegistration() {
        String[][] refused = {{"javascript:alert(document.cookie)", "redirect_uris: scheme javascript"},
                {"data:text/html,x", "scheme data"}, {"http://app.example/cb", "loopback"},
                {"https://*.app.example/cb", "wildcard"}, {"https://me@app.example/cb", "userinfo"}};
        for (String[] r : refused) {
            assertError(call("POST", "/admin/clients", "{\"client_id\":\"bad-uri\",\"client_type\":\"public\","
                    + "\"redirect_uris\":[\"" + r[0] + "\"]}"), 400, "invalid_request", r[1]);
        }
        assertThat(call("GET", "/admin/clients/bad-uri", null).statusCode()).as("nothing was stored").isEqualTo(404);

        HttpResponse<String> native_ = call("POST", "/admin/clients", "{\"client_id\":\"native\",\"client_type\":\"public\","
                + "\"redirect_uris\":[\"com.example.app:/oauth2redirect\",\"http://127.0.0.1/cb\"]}");
        assertThat(native_.statusCode()).as(native_.body()).isEqualTo(201);
        assertError(call("PATCH", "/admin/clients/native", "{\"redirect_uris\":[\"javascript:alert(1)\"]}"), 400,
                "invalid_request", "scheme javascript");
        assertError(call("PUT", "/admin/clients/native", "{\"client_type\":\"public\",\"redirect_uris\":[\"data:,x\"]}"),
                400, "invalid_request", "redirect_uris");
        assertThat(json(call("GET", "/admin/clients/native", null)).get("redirect_uris").toString())
                .isEqualTo("[\"com.example.app:/oauth2redirect\",\"http://127.0.0.1/cb\"]");
    }

    @Test
    void anAccessTokenLifetimeBeyondTheMaximumIsRefused() {
        String[][] refused = {{"1000000000000", "access_token_ttl must be at most 86400 seconds"},
                {"86401", "token.max-access-token-ttl"}, {"1e12", "access_token_ttl must be a positive integer"}};
        for (String[] r : refused) {
            assertError(call("POST", "/admin/clients", "{\"client_id\":\"forever\",\"access_token_ttl\":" + r[0] + "}"), 400,
                    "invalid_request", r[1]);
        }
        assertThat(call("POST", "/admin/clients", "{\"client_id\":\"daylong\",\"access_token_ttl\":86400}").statusCode())
                .isEqualTo(201);
        assertError(call("PATCH", "/admin/clients/daylong", "{\"access_token_ttl\":9223372036854775807}"), 400,
                "invalid_request", "at most 86400");
        assertThat(json(call("GET", "/admin/clients/daylong", null)).get("access_token_ttl").asLong()).isEqualTo(86400);
    }

    @Test
    void aBodyWithTrailingContentOrADuplicateKeyAnywhereIsRefused() {
        for (String body : new String[] {"{\"client_id\":\"x\"} xyz", "{\"client_id\":\"x\"}{}", "{\"client_id\":\"x\"} ]",
                "{\"client_id\":\"x\"} \"\"", "{\"client_id\":\"x\",\"client_id\":\"x\"}"}) {
            HttpResponse<String> refused = call("POST", "/admin/clients", body);
            assertThat(refused.statusCode()).as(body + " → " + refused.body()).isEqualTo(400);
            assertThat(json(refused).get("error").asText()).isEqualTo("invalid_request");
        }
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x\"} xyz"), 400, "invalid_request", "after the JSON object");
        assertError(call("POST", "/admin/clients", "{\"client_id\":\"x\",\"client_id\":\"y\"}"), 400, "invalid_request",
                "duplicate field");
        assertThat(call("GET", "/admin/clients/x", null).statusCode()).as("nothing was stored").isEqualTo(404);
        assertError(call("PATCH", "/admin/clients/myapp", "{\"scope\":\"read\"} trailing"), 400, "invalid_request",
                "after the JSON object");
        assertError(call("POST", "/admin/users", "{\"username\":\"u\",\"password\":\"long-enough-password\"} x"), 400,
                "invalid_request", "after the JSON object");
    }

    @Test
    void putReplacesPatchChangesAndNeitherChangesTheIdTheKindOrTheSecret() {
        String secret = json(call("POST", "/admin/clients", "{\"client_id\":\"reports\",\"scope\":\"r w\",\"default_scope\":\"r\"}"))
                .get("client_secret").asText();

        HttpResponse<String> patched = call("PATCH", "/admin/clients/reports", "{\"default_scope\":\"r w\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("default_scope").asText()).isEqualTo("r w");
        assertThat(json(patched).get("scope").asText()).as("the rest stays").isEqualTo("r w");
        assertThat(json(clientCredentials("reports", secret)).get("scope").asText()).isEqualTo("r w");

        HttpResponse<String> replaced = call("PUT", "/admin/clients/reports", "{\"scope\":\"r\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).get("default_scope").asText()).as("absent fields take the defaults: default_scope is the scope")
                .isEqualTo("r");
        assertThat(json(clientCredentials("reports", secret + "")).has("access_token")).as("the secret stays").isTrue();
        assertThat(json(portcullis.postForm("/token", "grant_type=client_credentials&scope=w", "Authorization",
                basic("reports", secret))).get("error").asText()).as("takes effect at once").isEqualTo("invalid_scope");

        assertError(call("PUT", "/admin/clients/reports", "{\"client_id\":\"other\"}"), 400, "invalid_request",
                "client_id cannot change");
        assertError(call("PUT", "/admin/clients/reports", "{\"client_type\":\"public\"}"), 400, "invalid_request",
                "client_type cannot change");
        assertError(call("PATCH", "/admin/clients/reports", "{\"client_type\":\"public\"}"), 400, "invalid_request",
                "client_type cannot change");
        assertError(call("PATCH", "/admin/clients/reports", "{\"default_scope\":\"x\"}"), 400, "invalid_request",
                "default scopes must be allowed scopes");
        assertError(call("PATCH", "/admin/clients/nobody", "{\"scope\":\"r\"}"), 404, "not_found", "no such client");
        assertError(call("PUT", "/admin/clients/nobody", "{\"scope\":\"r\"}"), 404, "not_found", "no such client");
        assertError(call("GET", "/admin/clients/nobody", null), 404, "not_found", "no such client");
    }

    @Test
    void rotatingASecretEndsTheOldOneAtOnce() {
        String old = json(call("POST", "/admin/clients", "{\"client_id\":\"rotor\"}")).get("client_secret").asText();

        HttpResponse<String> rotated = call("POST", "/admin/clients/rotor/secret", null);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String fresh = json(rotated).get("client_secret").asText();
        assertThat(fresh).hasSize(43).isNotEqualTo(old);
        assertThat(clientCredentials("rotor", old).statusCode()).isEqualTo(401);
        assertThat(clientCredentials("rotor", fresh).statusCode()).isEqualTo(200);
        assertError(call("POST", "/admin/clients/nobody/secret", null), 404, "not_found", "no such client");
    }

    @Test
    void aDeletedClientCanNoLongerAuthenticate() {
        String secret = json(call("POST", "/admin/clients", "{\"client_id\":\"doomed\"}")).get("client_secret").asText();

        HttpResponse<String> deleted = call("DELETE", "/admin/clients/doomed", null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(clientCredentials("doomed", secret).statusCode()).isEqualTo(401);
        assertError(call("DELETE", "/admin/clients/doomed", null), 404, "not_found", "no such client");
        assertThat(call("GET", "/admin/clients/doomed", null).statusCode()).isEqualTo(404);
    }

    @Test
    void usersAreCreatedWithAHashedPasswordNeverEchoedAndCanBeDisabled() {
        HttpResponse<String> created = call("POST", "/admin/users",
                "{\"username\":\"alice\",\"password\":\"correct horse\",\"roles\":[\"auditor\"]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/users/alice");
        assertThat(created.body()).doesNotContain("correct horse").doesNotContain("$2b$").doesNotContain("password");
        assertThat(json(created).get("enabled").asBoolean()).isTrue();
        assertThat(passwordGrant("alice", "correct horse").statusCode()).isEqualTo(200);

        HttpResponse<String> read = call("GET", "/admin/users/alice", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("roles").toString()).isEqualTo("[\"auditor\"]");
        assertThat(read.body()).doesNotContain("$2b$");

        HttpResponse<String> newPassword = call("PATCH", "/admin/users/alice", "{\"password\":\"battery staple\"}");
        assertThat(newPassword.statusCode()).isEqualTo(200);
        assertThat(newPassword.body()).doesNotContain("battery staple");
        assertThat(passwordGrant("alice", "correct horse").statusCode()).isEqualTo(400);
        assertThat(passwordGrant("alice", "battery staple").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = call("PATCH", "/admin/users/alice", "{\"enabled\":false}");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(passwordGrant("alice", "battery staple").statusCode()).isEqualTo(400);

        HttpResponse<String> replaced = call("PUT", "/admin/users/alice", "{\"enabled\":true,\"roles\":[]}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("roles").size()).isZero();
        assertThat(passwordGrant("alice", "battery staple").statusCode()).isEqualTo(200);
    }

    @Test
    void userChangesAreRefusedWithAClearMessage() {
        assertThat(call("POST", "/admin/users", "{\"username\":\"bob\",\"password\":\"long enough\"}").statusCode()).isEqualTo(201);
        assertError(call("POST", "/admin/users", "{\"username\":\"bob\",\"password\":\"long enough\"}"), 409, "conflict", "exists");
        assertError(call("POST", "/admin/users", "{\"username\":\"carol\",\"password\":\"short\"}"), 400, "invalid_request",
                "at least 8");
        assertError(call("POST", "/admin/users", "{\"username\":\"carol\",\"password\":\"" + "x".repeat(73) + "\"}"), 400,
                "invalid_request", "at most 72 bytes");
        assertError(call("POST", "/admin/users", "{\"password\":\"long enough\"}"), 400, "invalid_request", "username is required");
        assertError(call("POST", "/admin/users", "{\"username\":\"carol\"}"), 400, "invalid_request", "password is required");
        assertError(call("POST", "/admin/users", "{\"username\":\"carol\",\"password\":\"long enough\",\"roles\":\"admin\"}"), 400,
                "invalid_request", "roles must be an array");
        assertError(call("PATCH", "/admin/users/bob", "{\"enabled\":\"no\"}"), 400, "invalid_request", "enabled must be true or false");
        assertError(call("PATCH", "/admin/users/bob", "{\"username\":\"robert\"}"), 400, "invalid_request", "username cannot change");
        assertError(call("PATCH", "/admin/users/bob", "{\"password\":\"tiny\"}"), 400, "invalid_request", "at least 8");
        assertError(call("PATCH", "/admin/users/nobody", "{\"enabled\":false}"), 404, "not_found", "no such user");
        assertError(call("GET", "/admin/users/nobody", null), 404, "not_found", "no such user");
        assertThat(call("GET", "/admin/users/carol", null).statusCode()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void keysAreListedWithoutTheirMaterial() {
        HttpResponse<String> keys = call("GET", "/admin/keys", null);

        assertThat(keys.statusCode()).isEqualTo(200);
        JsonNode first = json(keys).get("keys").get(0);
        assertThat(first.get("status").asText()).isEqualTo("signing");
        assertThat(first.get("alg").asText()).isEqualTo("ES256");
        assertThat(keys.body()).doesNotContain("\"d\"").doesNotContain("private");
    }

    @Test
    void everyAdminRouteNeedsABearerTokenWithTheAdminScope() {
        String notAdmin = portcullis.devToken();
        String[][] routes = {
                {"GET", "/admin/clients", null}, {"POST", "/admin/clients", "{\"client_id\":\"sneaky\"}"},
                {"GET", "/admin/clients/myapp", null}, {"PUT", "/admin/clients/myapp", "{}"},
                {"PATCH", "/admin/clients/myapp", "{}"}, {"DELETE", "/admin/clients/myapp", null},
                {"POST", "/admin/clients/myapp/secret", null}, {"POST", "/admin/users", "{}"},
                {"GET", "/admin/users/admin", null}, {"PATCH", "/admin/users/admin", "{}"}, {"PUT", "/admin/users/admin", "{}"},
                {"GET", "/admin/keys", null}};
        for (String[] route : routes) {
            HttpResponse<String> anonymous = call(route[0], route[1], route[2], null);
            assertThat(anonymous.statusCode()).as(route[0] + " " + route[1]).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"portcullis\"");
            assertThat(anonymous.headers().firstValue("Cache-Control")).as(route[0] + " " + route[1]).hasValue("no-store");
            HttpResponse<String> weak = call(route[0], route[1], route[2], notAdmin);
            assertThat(weak.statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertThat(json(weak).get("error").asText()).isEqualTo("insufficient_scope");
            assertThat(weak.headers().firstValue("Cache-Control")).as(route[0] + " " + route[1]).hasValue("no-store");
        }
        for (String readable : List.of("/admin/clients", "/admin/clients/myapp", "/admin/users/admin", "/admin/keys")) {
            HttpResponse<String> answered = call("GET", readable, null);
            assertThat(answered.statusCode()).as(readable).isEqualTo(200);
            assertThat(answered.headers().firstValue("Cache-Control")).as(readable).hasValue("no-store");
        }
        assertThat(clientCredentials("myapp", "secret").statusCode()).as("nothing changed").isEqualTo(200);
        assertThat(call("GET", "/admin/clients/sneaky", null).statusCode()).isEqualTo(404);
    }

    @Test
    void wrongMethodsAreAnswered405WithAllow() {
        HttpResponse<String> clients = call("DELETE", "/admin/clients", null);
        assertThat(clients.statusCode()).isEqualTo(405);
        assertThat(clients.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(call("POST", "/admin/clients/myapp", "{}").statusCode()).isEqualTo(405);
        assertThat(call("GET", "/admin/clients/myapp/secret", null).statusCode()).isEqualTo(405);
        assertThat(call("GET", "/admin/users", null).statusCode()).isEqualTo(405);
        assertThat(call("DELETE", "/admin/users/admin", null).statusCode()).isEqualTo(405);
        assertThat(call("POST", "/admin/keys", null).statusCode()).isEqualTo(405);
    }

    /** api.md: every admin answer has Cache-Control: no-store, a 405 (cacheable by default, RFC 9110 §15.5.6) too. */
    @Test
    void wrongMethodAnswersAreNotStoredEither() {
        for (String[] call : new String[][] {{"DELETE", "/admin/clients"}, {"GET", "/admin/users"},
                {"GET", "/admin/clients/myapp/secret"}, {"POST", "/admin/keys"}, {"GET", "/admin/keys/rotate"}}) {
            HttpResponse<String> answer = call(call[0], call[1], null, null);
            assertThat(answer.statusCode()).as(call[0] + " " + call[1]).isEqualTo(405);
            assertThat(answer.headers().firstValue("Cache-Control")).as(call[0] + " " + call[1]).hasValue("no-store");
        }
    }

    /** One rule for the admin API and the CLI: without default_scope, a client that asks for no scope gets all of its scope. */
    @Test
    void withoutADefaultScopeAClientAskingForNoneGetsItsWholeScope() {
        HttpResponse<String> created = call("POST", "/admin/clients", "{\"client_id\":\"nightly\",\"scope\":\"reports:read reports:write\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("default_scope").asText()).isEqualTo("reports:read reports:write");

        HttpResponse<String> issued = clientCredentials("nightly", json(created).get("client_secret").asText());

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(json(issued).get("scope").asText()).isEqualTo("reports:read reports:write");
    }
}
