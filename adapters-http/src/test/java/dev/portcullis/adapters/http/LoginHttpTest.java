package dev.portcullis.adapters.http;

import static dev.portcullis.adapters.http.support.AuthorizeRequests.cookie;
import static dev.portcullis.adapters.http.support.AuthorizeRequests.form;
import static dev.portcullis.adapters.http.support.AuthorizeRequests.redirectParams;
import static dev.portcullis.adapters.http.support.AuthorizeRequests.redirectTarget;
import static dev.portcullis.adapters.http.support.AuthorizeRequests.sessionField;
import static dev.portcullis.adapters.http.support.AuthorizeRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.authorize.AuthorizationSessions;
import dev.portcullis.adapters.http.authorize.AuthorizeEndpoint;
import dev.portcullis.adapters.http.support.AuthorizeFixture;
import dev.portcullis.adapters.http.support.AuthorizeRequests;
import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /authorize}: the login form, its CSRF protection, and the authorization response. */
class LoginHttpTest {

    private AuthorizeFixture fixture;
    private TestServer server;
    private String issuer;

    @BeforeEach
    void start() {
        fixture = new AuthorizeFixture();
        server = TestServer.start(HttpSettings.defaults(), fixture.endpoint);
        issuer = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What a browser holds after GET /authorize: the cookie and the sealed session. */
    private record Page(String cookie, String session) {
    }

    private Page open(AuthorizeRequests request) {
        Reply reply = server.get(request.path());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return new Page(cookie(reply), sessionField(reply.body()));
    }

    private Reply post(String cookie, String body) {
        return server.postForm("/authorize", body, "Cookie", cookie);
    }

    private Reply logIn(Page page, String username, String password) {
        return post(page.cookie(), form("session", page.session(), "username", username, "password", password,
                "action", "login"));
    }

    private static void assertErrorPage(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Location")).isEmpty();
        assertThat(reply.header("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(reply.header("X-Frame-Options")).contains("DENY");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.body()).doesNotContain("<form");
    }

    private static void assertLoginPageAgain(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Location")).isEmpty();
        assertThat(reply.header("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(reply.header("X-Frame-Options")).contains("DENY");
        assertThat(reply.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'", "form-action 'self'"));
        assertThat(reply.body()).contains("<form", "name=\"session\"", "id=\"error\"");
    }

    // ---------------------------------------------------------------- success

    @Test
    void theRightPasswordRedirectsWithCodeStateAndIssuer() {
        Page page = open(valid());

        Reply reply = logIn(page, AuthorizeFixture.USER, AuthorizeFixture.PASSWORD);

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Referrer-Policy")).contains("no-referrer");
        assertThat(redirectTarget(reply)).isEqualTo("https://app.example/callback");
        Map<String, String> params = redirectParams(reply);
        assertThat(params.keySet()).containsExactly("code", "state", "iss");
        assertThat(params).containsEntry("state", "xyz").containsEntry("iss", issuer);
        assertThat(params.get("code")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theCodeIsStoredHashedAndBoundToTheRequestAndTheUser() {
        Reply reply = logIn(open(valid().set("redirect_uri", "http://127.0.0.1:4711/callback").set("scope", "read write")),
                AuthorizeFixture.USER, AuthorizeFixture.PASSWORD);
        String code = redirectParams(reply).get("code");

        AuthorizationCode stored = fixture.codes.find(code).orElseThrow();
        assertThat(fixture.codes.saved).hasSize(1);
        assertThat(stored.hash().value()).isNotEqualTo(code);
        assertThat(stored.clientId()).isEqualTo(new ClientId(AuthorizeFixture.SPA));
        assertThat(stored.redirectUri()).isEqualTo(URI.create("http://127.0.0.1:4711/callback"));
        assertThat(stored.challenge().isMetBy(AuthorizeRequests.VERIFIER)).isTrue();
        assertThat(stored.subject()).isEqualTo(AuthorizeFixture.USER);
        assertThat(stored.roles()).containsExactly("admin");
        assertThat(stored.scope()).isEqualTo(ScopeSet.of("read", "write"));
        assertThat(stored.expiresAt()).isEqualTo(fixture.clock.instant().plusSeconds(60));
        assertThat(redirectTarget(reply)).isEqualTo("http://127.0.0.1:4711/callback");
    }

    @Test
    void withoutStateTheResponseCarriesNone() {
        Reply reply = logIn(open(valid().without("state")), AuthorizeFixture.USER, AuthorizeFixture.PASSWORD);

        assertThat(redirectParams(reply).keySet()).containsExactly("code", "iss");
    }

    @Test
    void theResponseKeepsTheQueryOfTheRegisteredRedirectUri() {
        Reply reply = logIn(open(valid().set("client_id", AuthorizeFixture.ONE_URI).without("redirect_uri").without("scope")),
                AuthorizeFixture.USER, AuthorizeFixture.PASSWORD);

        assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://one.example/cb?tenant=a&code="));
    }

    @Test
    void oneLoginPageCanBeSubmittedAgainAfterAFailure() {
        Page page = open(valid());

        assertThat(logIn(page, AuthorizeFixture.USER, "wrong").status()).isEqualTo(401);
        assertThat(logIn(page, AuthorizeFixture.USER, AuthorizeFixture.PASSWORD).status()).isEqualTo(303);
    }

    // ---------------------------------------------------------------- failure, throttling, cancel

    @Test
    void aWrongPasswordShowsTheFormAgainWithAGenericError() {
        Reply reply = logIn(open(valid()), AuthorizeFixture.USER, "wrong");

        assertLoginPageAgain(reply, 401);
        assertThat(reply.body()).contains("Incorrect username or password.", "value=\"admin\"");
        assertThat(fixture.codes.saved).isEmpty();
    }

    @Test
    void anUnknownUserGetsTheVerySameError() {
        Page page = open(valid());
        String wrongPassword = logIn(page, AuthorizeFixture.USER, "wrong").body();
        String unknownUser = logIn(page, "nobody", "wrong").body();

        assertThat(unknownUser.replace("value=\"nobody\"", "value=\"admin\"")).isEqualTo(wrongPassword);
    }

    @Test
    void theEchoedUsernameIsEscaped() {
        Reply reply = logIn(open(valid()), "\"><script>alert(1)</script>", "x");

        assertThat(reply.body()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void anEmptyFormFailsLikeAWrongPassword() {
        Page page = open(valid());

        assertLoginPageAgain(post(page.cookie(), form("session", page.session())), 401);
    }

    @Test
    void repeatedFailuresAreThrottledEvenForTheRightPassword() {
        Page page = open(valid());
        for (int i = 0; i < 3; i++) {
            assertThat(logIn(page, AuthorizeFixture.USER, "wrong").status()).isEqualTo(401);
        }

        Reply reply = logIn(page, AuthorizeFixture.USER, AuthorizeFixture.PASSWORD);

        assertLoginPageAgain(reply, 429);
        assertThat(reply.header("Retry-After")).contains("30");
        assertThat(reply.body()).contains("Too many failed sign-in attempts");
        assertThat(fixture.codes.saved).isEmpty();

        fixture.clock.advance(Duration.ofSeconds(30));
        assertThat(logIn(page, AuthorizeFixture.USER, AuthorizeFixture.PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void cancelRedirectsWithAccessDenied() {
        Page page = open(valid());

        Reply reply = post(page.cookie(), form("session", page.session(), "action", "cancel"));

        assertThat(reply.status()).isEqualTo(303);
        assertThat(redirectTarget(reply)).isEqualTo("https://app.example/callback");
        assertThat(redirectParams(reply)).containsEntry("error", "access_denied").containsEntry("state", "xyz")
                .containsEntry("iss", issuer).containsKey("error_description");
    }

    @Test
    void anUnknownActionIsABadRequest() {
        Page page = open(valid());

        assertErrorPage(post(page.cookie(), form("session", page.session(), "action", "approve-all")), 400);
    }

    // ---------------------------------------------------------------- CSRF and a tampered session: 400, never a redirect

    @Test
    void withoutTheCsrfCookieTheFormIsRefused() {
        Page page = open(valid());

        Reply reply = server.postForm("/authorize", form("session", page.session(), "username", "admin",
                "password", "secret"));

        assertErrorPage(reply, 400);
        assertThat(fixture.codes.saved).isEmpty();
    }

    @Test
    void anotherBrowsersCsrfCookieIsRefused() {
        Page victim = open(valid());
        Page attacker = open(valid());

        assertErrorPage(logIn(new Page(attacker.cookie(), victim.session()), "admin", "secret"), 400);
        assertThat(fixture.codes.saved).isEmpty();
    }

    @Test
    void aSecondPlantedCsrfCookieIsRefused() {
        Page page = open(valid());

        Reply reply = post(page.cookie() + "; portcullis-csrf=" + "a".repeat(43),
                form("session", page.session(), "username", "admin", "password", "secret"));

        assertErrorPage(reply, 400);
    }

    @Test
    void aMissingSessionIsRefused() {
        Page page = open(valid());

        assertErrorPage(post(page.cookie(), form("username", "admin", "password", "secret")), 400);
    }

    @Test
    void aSessionWithAChangedCharacterIsRefused() {
        Page page = open(valid());
        char[] session = page.session().toCharArray();
        session[10] = session[10] == 'A' ? 'B' : 'A';

        assertErrorPage(logIn(new Page(page.cookie(), new String(session)), "admin", "secret"), 400);
        assertThat(fixture.codes.saved).isEmpty();
    }

    @Test
    void aSessionWithATamperedStateOrRedirectIsRefused() throws Exception {
        Page page = open(valid());
        String[] parts = page.session().split("\\.");
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        payload.put("st", "forged-state");
        payload.put("r", "https://evil.example/callback");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(payload)) + "." + parts[1];

        Reply reply = logIn(new Page(page.cookie(), forged), "admin", "secret");

        assertErrorPage(reply, 400);
        assertThat(reply.body()).doesNotContain("evil");
    }

    @Test
    void aSessionSealedWithAnotherKeyIsRefused() {
        AuthorizeFixture other = new AuthorizeFixture();
        try (TestServer elsewhere = TestServer.start(HttpSettings.defaults(), other.endpoint)) {
            Reply page = elsewhere.get(valid().path());

            assertErrorPage(logIn(new Page(cookie(page), sessionField(page.body())), "admin", "secret"), 400);
        }
    }

    @Test
    void anExpiredSessionIsRefused() {
        Page page = open(valid());
        fixture.clock.advance(AuthorizeFixture.SESSION_TTL);

        assertErrorPage(logIn(page, "admin", "secret"), 400);
    }

    @Test
    void aSessionShownForAnotherIssuerIsRefused() {
        Page page = open(valid());

        Reply reply = server.postForm("/authorize", form("session", page.session(), "username", "admin", "password", "secret"),
                "Cookie", page.cookie(), "Host", "other.example");

        assertErrorPage(reply, 400);
    }

    @Test
    void aSessionOfAnotherServerSharingTheKeyIsAccepted() {
        Page page = open(valid());
        AuthorizeEndpoint sameKey = new AuthorizeEndpoint(fixture.endpoint.validate(), fixture.endpoint.logIn(),
                new AuthorizationSessions(fixture.sessionKey, AuthorizeFixture.SESSION_TTL, fixture.clock));
        try (TestServer node2 = TestServer.start(HttpSettings.defaults(), sameKey)) {
            Reply reply = node2.postForm("/authorize", form("session", page.session(), "username", "admin",
                    "password", "secret"), "Cookie", page.cookie(), "Host", "127.0.0.1:" + server.port());

            assertThat(reply.status()).isEqualTo(303);
        }
    }

    // ---------------------------------------------------------------- malformed forms

    @Test
    void aRepeatedFieldIsRefused() {
        Page page = open(valid());

        assertErrorPage(post(page.cookie(), form("session", page.session(), "username", "admin", "username", "root",
                "password", "secret")), 400);
        assertErrorPage(post(page.cookie(), form("session", page.session(), "session", page.session(),
                "username", "admin", "password", "secret")), 400);
    }

    @Test
    void aBodyThatIsNotAFormIsRefused() {
        Page page = open(valid());

        Reply json = server.send(server.request("/authorize", "Cookie", page.cookie(), "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session\":\"" + page.session() + "\"}")));
        Reply latin1 = server.send(server.request("/authorize", "Cookie", page.cookie(),
                        "Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString(form("session", page.session()))));
        Reply badEscape = post(page.cookie(), "session=" + page.session() + "&username=%zz");

        assertErrorPage(json, 400);
        assertErrorPage(latin1, 400);
        assertErrorPage(badEscape, 400);
    }

    @Test
    void anOversizedBodyIsRefused() {
        Page page = open(valid());

        Reply reply = post(page.cookie(), form("session", page.session(), "username", "a".repeat(20_000), "password", "x"));

        assertErrorPage(reply, 413);
    }

    // ---------------------------------------------------------------- what changed since, and failures

    @Test
    void aClientRemovedSinceThePageWasShownGetsAnErrorPage() {
        Page page = open(valid());
        fixture.clients.delete(new ClientId(AuthorizeFixture.SPA));

        assertErrorPage(logIn(page, "admin", "secret"), 400);
    }

    @Test
    void aUserStoreOutageIsRedirectedAsTemporarilyUnavailable() {
        Page page = open(valid());
        fixture.users.down = true;

        Reply reply = logIn(page, "admin", "secret");

        assertThat(reply.status()).isEqualTo(303);
        assertThat(redirectParams(reply)).containsEntry("error", "temporarily_unavailable").containsEntry("state", "xyz")
                .containsEntry("iss", issuer);
    }

    @Test
    void anUnexpectedFailureIsRedirectedAsServerError() {
        Page page = open(valid());
        fixture.codes.broken = true;

        Reply reply = logIn(page, "admin", "secret");

        assertThat(reply.status()).isEqualTo(303);
        assertThat(redirectParams(reply)).containsEntry("error", "server_error").containsEntry("iss", issuer);
    }

    @Test
    void nothingSecretIsEchoed() {
        Reply reply = logIn(open(valid()), "admin", "wrong-Pa55word");

        assertThat(reply.body()).doesNotContain("Pa55word");
        assertThat(reply.headers().map().toString()).doesNotContain("Pa55word");
    }
}
