package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.headers;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits and the client lockout over HTTP, on one node with the in-memory limiter. Windows are
 * an hour long so that no window boundary falls inside a test. Every test comes from 127.0.0.1:
 * different sources are told apart with X-Forwarded-For, trusted when configured.
 */
class RateLimitEndToEndTest {

    static final String CLIENT_CREDENTIALS = "grant_type=client_credentials";

    static HttpResponse<String> token(RunningServer node, String secret, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = basic("myapp", secret);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return node.postForm("/token", CLIENT_CREDENTIALS, all);
    }

    /** A password grant of the dev client for the dev user {@code admin}. */
    static HttpResponse<String> passwordGrant(RunningServer node, String password, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = basic("myapp", "secret");
        System.arraycopy(headers, 0, all, 2, headers.length);
        return node.postForm("/token", RunningServer.form("grant_type", "password", "username", "admin", "password", password),
                all);
    }

    /** What a user lockout needs: 3 failures, a 10-minute first lockout, the dev user's password cheap to check. */
    static final List<String> USER_LOCKOUT = List.of("LOGIN_MAX_FAILURES", "3", "LOGIN_LOCKOUT", "10m",
            "LOGIN_MAX_LOCKOUT", "15m", "USERS_BCRYPT_COST", "4", "HTTP_TRUST_FORWARDED_HEADERS", "true");

    /** 429, Retry-After in (0, max], no-store, RFC 6749 JSON. */
    static void assertTooManyRequests(HttpResponse<String> response, long maxRetryAfterSeconds) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        Map<String, String> headers = headers(response);
        assertThat(Long.parseLong(headers.get("retry-after"))).isBetween(1L, maxRetryAfterSeconds);
        assertThat(headers.get("cache-control")).isEqualTo("no-store");
        assertThat(headers.get("content-type")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(body.get("error_description").asText()).contains("too many requests").contains("Retry-After");
    }

    @Test
    void aClientOverItsLimitAtTheTokenEndpointGets429WithRetryAfter() {
        try (RunningServer node = RunningServer.start("RATE_LIMIT_PER_CLIENT", "3", "RATE_LIMIT_WINDOW", "1h")) {
            for (int i = 0; i < 3; i++) {
                assertThat(token(node, "secret").statusCode()).isEqualTo(200);
            }
            assertTooManyRequests(token(node, "secret"), 3600);
            assertTooManyRequests(node.postForm("/token", CLIENT_CREDENTIALS + "&client_id=myapp&client_secret=secret"), 3600);
            // per client: another client id is not limited by myapp's count
            assertThat(node.postForm("/token", CLIENT_CREDENTIALS + "&client_id=someone-else&client_secret=x").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void oneAddressLimitCountsTokenRevocationAndIntrospectionAndOnlyForThatAddress() {
        try (RunningServer node = RunningServer.start("RATE_LIMIT_PER_ADDRESS", "3", "RATE_LIMIT_WINDOW", "1h",
                "HTTP_TRUST_FORWARDED_HEADERS", "true")) {
            String a = "198.51.100.1";
            String b = "198.51.100.2";
            HttpResponse<String> issued = token(node, "secret", "X-Forwarded-For", a + ", 10.0.0.1");
            assertThat(issued.statusCode()).isEqualTo(200);
            String accessToken = json(issued).get("access_token").asText();
            assertThat(node.postForm("/introspect", "token=" + accessToken, "Authorization", basic("myapp", "secret"),
                    "X-Forwarded-For", a).statusCode()).isEqualTo(200);
            assertThat(node.postForm("/revoke", "token=" + accessToken, "Authorization", basic("myapp", "secret"),
                    "X-Forwarded-For", a).statusCode()).isEqualTo(200);
            assertTooManyRequests(node.postForm("/introspect", "token=" + accessToken, "Authorization",
                    basic("myapp", "secret"), "X-Forwarded-For", a), 3600);
            assertTooManyRequests(node.postForm("/revoke", "token=" + accessToken, "Authorization",
                    basic("myapp", "secret"), "X-Forwarded-For", a), 3600);
            assertTooManyRequests(token(node, "secret", "X-Forwarded-For", a), 3600);
            // malformed requests count and are refused too: the address is over its limit
            assertTooManyRequests(node.postForm("/token", "grant_type=client_credentials", "X-Forwarded-For", a), 3600);
            assertThat(token(node, "secret", "X-Forwarded-For", b).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongSecretsLockTheClientOutFromThatAddressButNotFromAnother() {
        try (RunningServer node = RunningServer.start("RATE_LIMIT_LOCKOUT_FAILURES", "3", "RATE_LIMIT_LOCKOUT_WINDOW", "1h",
                "HTTP_TRUST_FORWARDED_HEADERS", "true")) {
            String attacker = "203.0.113.7";
            for (int i = 0; i < 3; i++) {
                assertThat(token(node, "wrong-" + i, "X-Forwarded-For", attacker).statusCode()).isEqualTo(401);
            }
            assertTooManyRequests(token(node, "secret", "X-Forwarded-For", attacker), 3600);
            assertTooManyRequests(node.postForm("/revoke", "token=x", "Authorization", basic("myapp", "secret"),
                    "X-Forwarded-For", attacker), 3600);
            assertThat(token(node, "secret", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
            assertThat(token(node, "secret", "X-Forwarded-For", "2001:db8::1").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordsLockTheUserOutOfThePasswordGrantFromThatAddressButNotFromAnother() {
        try (RunningServer node = RunningServer.start(USER_LOCKOUT.toArray(String[]::new))) {
            String attacker = "203.0.113.7";
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> wrong = passwordGrant(node, "wrong-" + i, "X-Forwarded-For", attacker);
                assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
                assertThat(json(wrong).get("error").asText()).isEqualTo("invalid_grant");
            }
            assertTooManyRequests(passwordGrant(node, "secret", "X-Forwarded-For", attacker), 600);
            assertThat(passwordGrant(node, "secret", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
            assertThat(token(node, "secret", "X-Forwarded-For", attacker).statusCode())
                    .as("the client itself is not locked out").isEqualTo(200);
        }
    }

    @Test
    void withoutTrustTheForwardedForHeaderIsIgnoredAndThePeerAddressIsLockedOut() {
        try (RunningServer node = RunningServer.start("RATE_LIMIT_LOCKOUT_FAILURES", "2", "RATE_LIMIT_LOCKOUT_WINDOW", "1h")) {
            assertThat(token(node, "wrong", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(401);
            assertThat(token(node, "wrong", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(401);
            assertTooManyRequests(token(node, "secret", "X-Forwarded-For", "203.0.113.9"), 3600);
        }
    }

    @Test
    void theDefaultsLetBurstsThroughAndLockOutAfterTenFailures() {
        try (RunningServer node = RunningServer.start()) {
            for (int i = 0; i < 50; i++) {
                assertThat(token(node, "secret").statusCode()).isEqualTo(200);
            }
            for (int i = 0; i < 10; i++) {
                assertThat(token(node, "wrong").statusCode()).isEqualTo(401);
            }
            assertTooManyRequests(token(node, "secret"), 300);
        }
    }

    @Test
    void theLoginPostIsLimitedPerClientWithAn429Page() throws Exception {
        try (RunningServer node = RunningServer.start("RATE_LIMIT_PER_CLIENT", "2", "RATE_LIMIT_WINDOW", "1h")) {
            HttpClient browser = browser();
            HttpRequest login = loginPost(browser, node, "wrong");
            for (int i = 0; i < 2; i++) {
                assertThat(browser.send(login, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> limited = browser.send(login, HttpResponse.BodyHandlers.ofString());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
            assertThat(limited.body()).contains("Too many requests.");
        }
    }

    @Test
    void failedPasswordGrantsLockTheUserOutOfTheLoginPageToo() throws Exception {
        try (RunningServer node = RunningServer.start(USER_LOCKOUT.toArray(String[]::new))) {
            for (int i = 0; i < 3; i++) {
                assertThat(passwordGrant(node, "wrong-" + i).statusCode()).isEqualTo(400);
            }
            HttpClient browser = browser();
            HttpResponse<String> locked = browser.send(loginPost(browser, node, "secret"), HttpResponse.BodyHandlers.ofString());
            assertThat(locked.statusCode()).as("the right password, from the same address").isEqualTo(429);
            assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens the login page of the dev SPA in {@code browser}; the form's POST as the user {@code admin}. */
    private static HttpRequest loginPost(HttpClient browser, RunningServer node, String password) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create(new CodeFlow(Flows.SPA_CALLBACK).authorizeUrl(node.base()))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher session = Pattern.compile("name=\"session\" value=\"([^\"]*)\"").matcher(page.body());
        assertThat(session.find()).isTrue();
        return HttpRequest.newBuilder(node.uri("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.form("session", session.group(1),
                        "username", "admin", "password", password, "action", "login")))
                .build();
    }
}
