package dev.portcullis.adapters.http;

import static dev.portcullis.adapters.http.support.AuthorizeRequests.redirectParams;
import static dev.portcullis.adapters.http.support.AuthorizeRequests.redirectTarget;
import static dev.portcullis.adapters.http.support.AuthorizeRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.support.AuthorizeFixture;
import dev.portcullis.adapters.http.support.AuthorizeRequests;
import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /authorize} on the real server: every error of RFC 6749 §4.1.2.1, open redirects, the login page. */
class AuthorizeRequestHttpTest {

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

    private Reply get(AuthorizeRequests request) {
        return server.get(request.path());
    }

    /** An error page: HTML 400 (or the status given), never a redirect. */
    private static void assertErrorPage(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Location")).isEmpty();
        assertThat(reply.header("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(reply.body()).contains("<h1>").doesNotContain("<form");
        assertHtmlHeaders(reply);
    }

    private static void assertHtmlHeaders(Reply reply) {
        assertThat(reply.header("X-Frame-Options")).contains("DENY");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Referrer-Policy")).contains("no-referrer");
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(reply.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "script-src"));
    }

    /** A redirect back to the client with {@code error}; returns its parameters. */
    private Map<String, String> assertRedirectedError(Reply reply, String error) {
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        Map<String, String> params = redirectParams(reply);
        assertThat(params).containsEntry("error", error).containsEntry("iss", issuer).containsKey("error_description");
        return params;
    }

    // ---------------------------------------------------------------- the login page

    @Test
    void aValidRequestGetsTheLoginPage() {
        Reply reply = get(valid());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains("text/html; charset=utf-8");
        assertHtmlHeaders(reply);
        assertThat(reply.body()).contains("<form method=\"post\" action=\"authorize\"", "name=\"username\"",
                "type=\"password\"", "name=\"session\"", ">spa<", "<code>read</code>");
        assertThat(reply.body()).doesNotContain("<script");
    }

    @Test
    void theLoginPageSetsAStrictHttpOnlyCsrfCookieAndSealsTheRequestInAHiddenField() {
        Reply reply = get(valid());

        assertThat(reply.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .matches("portcullis-csrf=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"));
        assertThat(AuthorizeRequests.sessionField(reply.body())).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void aBrowserThatAlreadyHasACsrfCookieKeepsIt() {
        String nonce = "n".repeat(43);

        Reply reply = server.get(valid().path(), "Cookie", "portcullis-csrf=" + nonce);

        assertThat(reply.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("portcullis-csrf=" + nonce + ";"));
    }

    @Test
    void overHttpsTheCookieIsAHostPrefixedSecureCookie() {
        try (TestServer https = TestServer.start(
                new HttpSettings(Optional.of(new Issuer("https://as.example")), false, true, ScopeSet.empty()), fixture.endpoint)) {
            Reply reply = https.get(valid().path());

            assertThat(reply.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .matches("__Host-portcullis-csrf=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure"));
        }
    }

    @Test
    void theCspAllowsExactlyTheInlineStylesheetByItsHash() throws Exception {
        Reply reply = get(valid());
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(reply.body());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8)));

        assertThat(reply.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("style-src 'sha256-" + hash + "'"));
    }

    @Test
    void theCspLetsTheFormLeadToTheClientsRedirectOriginAndNowhereElse() {
        Reply web = get(valid());
        Reply loopback = get(valid().set("redirect_uri", "http://127.0.0.1:53124/callback"));

        assertThat(web.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).endsWith("form-action 'self' https://app.example"));
        assertThat(loopback.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).endsWith("form-action 'self' http://127.0.0.1:53124"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/callback", "http://127.0.0.1:1/callback", "http://127.0.0.1:53124/callback",
            "http://127.0.0.1:65535/callback"})
    void aLoopbackRedirectUriMayUseAnyPort(String redirectUri) {
        assertThat(get(valid().set("redirect_uri", redirectUri)).status()).isEqualTo(200);
    }

    @Test
    void stateIsOptional() {
        assertThat(get(valid().without("state")).status()).isEqualTo(200);
    }

    @Test
    void aClientWithOneRegisteredUriMayOmitRedirectUri() {
        assertThat(get(valid().set("client_id", AuthorizeFixture.ONE_URI).without("redirect_uri").without("scope")).status())
                .isEqualTo(200);
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(get(valid().set("nonce", "n").add("prompt", "a").add("prompt", "b")).status()).isEqualTo(200);
    }

    @Test
    void everythingTheRequestSentIsEscapedOnThePage() {
        String hostile = "<img src=x onerror=alert(1)>&\"'";
        fixture.clients.save(Client.publicClient(new ClientId(hostile))
                .redirectUris(List.of(AuthorizeFixture.WEB_CALLBACK))
                .allowedScopes(ScopeSet.of("<b>x&'")).build());

        Reply reply = get(valid().set("client_id", hostile).set("scope", "<b>x&'"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("<img", "<b>x")
                .contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;", "&lt;b&gt;x&amp;&#39;");
    }

    // ---------------------------------------------------------------- never redirected

    @Test
    void anUnknownClientGetsAnErrorPage() {
        Reply reply = get(valid().set("client_id", "nobody"));

        assertErrorPage(reply, 400);
        assertThat(reply.body()).contains("not registered");
    }

    @Test
    void aMissingOrRepeatedClientIdGetsAnErrorPage() {
        assertErrorPage(get(valid().without("client_id")), 400);
        assertErrorPage(get(valid().add("client_id", AuthorizeFixture.SPA)), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/callback",              // other host
            "https://app.example.evil.example/callback",  // suffix host
            "https://app.example/other",                  // other path
            "https://app.example/callback/../other",      // dot segments
            "https://app.example/callback?next=https://evil.example", // added query
            "https://app.example/callback#frag",          // fragment
            "https://app.example@evil.example/callback",  // userinfo
            "http://127.0.0.1@evil.com/callback",         // userinfo on loopback
            "http://127.0.0.1:8080@evil.com/callback",    // userinfo after a port
            "http://127.0.0.1.evil.com/callback",         // loopback-looking host
            "http://localhost.evil.com/callback",
            "https://app.example:8443/callback",          // other port, not loopback
            "http://app.example/callback",                // other scheme
            "https://APP.example/callback",               // case
            "https://app.example/callback/",              // trailing slash
            "https://app.example/callback%2F..%2Fother",  // encoded traversal
            "//evil.example/callback",                    // scheme-relative
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>"})
    void aRedirectUriThatDoesNotMatchGetsAnErrorPageAndIsNeverFollowed(String redirectUri) {
        Reply reply = get(valid().set("redirect_uri", redirectUri));

        assertErrorPage(reply, 400);
        assertThat(reply.body()).doesNotContain("evil", "javascript", "<script");
    }

    @Test
    void aRepeatedRedirectUriGetsAnErrorPageEvenWhenBothMatch() {
        assertErrorPage(get(valid().add("redirect_uri", AuthorizeFixture.WEB_CALLBACK.toString())), 400);
    }

    @Test
    void anOmittedRedirectUriGetsAnErrorPageWhenTheClientRegisteredSeveral() {
        assertErrorPage(get(valid().without("redirect_uri")), 400);
    }

    @Test
    void errorsOfAnUntrustedRequestAreShownEvenWhenOthersWouldRedirect() {
        assertErrorPage(get(valid().set("redirect_uri", "https://evil.example/cb").set("response_type", "token")), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id=%C3%28", "client_id=%FF", "client_id=spa&state=%ED%A0%80"})
    void aQueryThatIsNotUtf8GetsAnErrorPage(String query) {
        String raw = rawGet("/authorize?" + query);

        assertThat(raw).startsWith("HTTP/1.1 400").contains("Content-Type: text/html; charset=utf-8")
                .doesNotContainIgnoringCase("Location:");
    }

    /** Helidon refuses a request line with a broken %-escape itself, before routing: 400, and never a redirect. */
    @ParameterizedTest
    @ValueSource(strings = {"client_id=spa&redirect_uri=%zz", "client_id=spa%"})
    void aQueryWithABrokenEscapeIs400AndNeverRedirected(String query) {
        String raw = rawGet("/authorize?" + query);

        assertThat(raw).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("Location:");
    }

    private String rawGet(String target) {
        return server.raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aRequestWithoutParametersGetsAnErrorPage() {
        assertErrorPage(server.get("/authorize"), 400);
    }

    @Test
    void aClientStoreOutageGetsA503PageNotAnUnknownClient() {
        fixture.clients.down = true;

        Reply reply = get(valid());

        assertErrorPage(reply, 503);
        assertThat(reply.header("Retry-After")).contains("5");
        assertThat(reply.body()).contains("temporarily unavailable");
    }

    // ---------------------------------------------------------------- redirected with an error

    @Test
    void aMissingResponseTypeIsInvalidRequest() {
        Map<String, String> params = assertRedirectedError(get(valid().without("response_type")), "invalid_request");

        assertThat(params).containsEntry("state", "xyz");
        assertThat(params.keySet()).containsExactly("error", "error_description", "state", "iss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "code id_token", "id_token", "none"})
    void anotherResponseTypeIsUnsupported(String responseType) {
        Reply reply = get(valid().set("response_type", responseType));

        assertRedirectedError(reply, "unsupported_response_type");
        assertThat(redirectTarget(reply)).isEqualTo("https://app.example/callback");
    }

    @Test
    void aClientWithoutTheCodeGrantIsUnauthorized() {
        assertRedirectedError(get(valid().set("client_id", AuthorizeFixture.SERVICE)), "unauthorized_client");
    }

    @Test
    void aMissingCodeChallengeIsInvalidRequest() {
        assertRedirectedError(get(valid().without("code_challenge").without("code_challenge_method")), "invalid_request");
    }

    @Test
    void thePlainMethodIsRefusedAsIsAMissingOne() {
        assertRedirectedError(get(valid().set("code_challenge_method", "plain")), "invalid_request");
        assertRedirectedError(get(valid().without("code_challenge_method")), "invalid_request");
    }

    @Test
    void aMalformedCodeChallengeIsInvalidRequest() {
        assertRedirectedError(get(valid().set("code_challenge", "too-short")), "invalid_request");
    }

    @Test
    void aScopeBeyondTheClientsIsInvalidScope() {
        assertRedirectedError(get(valid().set("scope", "read admin")), "invalid_scope");
    }

    @Test
    void aMalformedScopeIsInvalidScope() {
        assertRedirectedError(get(valid().set("scope", "read  write")), "invalid_scope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"response_type", "code_challenge", "code_challenge_method", "scope"})
    void aRepeatedParameterIsInvalidRequest(String name) {
        AuthorizeRequests request = valid();
        request.add(name, name.equals("response_type") ? "code" : name.equals("code_challenge_method") ? "S256"
                : name.equals("scope") ? "read" : AuthorizeRequests.CHALLENGE);

        assertThat(assertRedirectedError(get(request), "invalid_request")).containsEntry("state", "xyz");
    }

    @Test
    void aRepeatedStateIsInvalidRequestAndNoStateIsEchoed() {
        Map<String, String> params = assertRedirectedError(get(valid().add("state", "other")), "invalid_request");

        assertThat(params).doesNotContainKey("state");
    }

    @Test
    void withoutStateTheErrorCarriesNone() {
        Map<String, String> params = assertRedirectedError(get(valid().without("state").set("response_type", "token")),
                "unsupported_response_type");

        assertThat(params.keySet()).containsExactly("error", "error_description", "iss");
    }

    @Test
    void theStateIsEchoedExactly() {
        String state = "a b&c=d/é?".replace("é", "e") + "%41+";

        Map<String, String> params = assertRedirectedError(get(valid().set("state", state).set("response_type", "token")),
                "unsupported_response_type");

        assertThat(params).containsEntry("state", state);
    }

    @Test
    void anErrorKeepsTheQueryOfTheRegisteredRedirectUri() {
        Reply reply = get(valid().set("client_id", AuthorizeFixture.ONE_URI).without("redirect_uri")
                .set("response_type", "token"));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://one.example/cb?tenant=a&error=unsupported_response_type&"));
    }

    @Test
    void anErrorGoesToTheLoopbackPortTheClientSent() {
        Reply reply = get(valid().set("redirect_uri", "http://127.0.0.1:4711/callback").set("scope", "admin"));

        assertRedirectedError(reply, "invalid_scope");
        assertThat(redirectTarget(reply)).isEqualTo("http://127.0.0.1:4711/callback");
    }

    // ---------------------------------------------------------------- the rest of the edge

    @Test
    void otherMethodsAre405() {
        Reply reply = server.send(server.request("/authorize").PUT(HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET, POST");
    }

    @Test
    void discoveryAdvertisesTheAuthorizationEndpoint() {
        var doc = server.get("/.well-known/oauth-authorization-server").json();

        assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(issuer + "/authorize");
        assertThat(doc.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(doc.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(doc.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    }

    @Test
    void withoutTheEndpointThereIsNoAuthorizePathAndDiscoverySaysNothingOfIt() {
        try (TestServer plain = TestServer.start()) {
            var doc = plain.get("/.well-known/oauth-authorization-server").json();

            assertThat(plain.get(valid().path()).status()).isEqualTo(404);
            assertThat(doc.has("authorization_endpoint")).isFalse();
            assertThat(doc.has("code_challenge_methods_supported")).isFalse();
            assertThat(doc.has("authorization_response_iss_parameter_supported")).isFalse();
            assertThat(doc.path("response_types_supported").toString()).isEqualTo("[]");
        }
    }

    @Test
    void aBadHostGetsAnErrorPage() {
        assertErrorPage(server.get(valid().path(), "Host", "bad_host"), 400);
    }

    @SuppressWarnings("unused")
    private static URI uri(String s) {
        return URI.create(s);
    }
}
