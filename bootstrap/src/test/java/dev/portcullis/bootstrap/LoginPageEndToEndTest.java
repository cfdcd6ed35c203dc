package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser flow of the worked example, driven by the JDK HttpClient as a browser would drive
 * it (a cookie jar, the login form's hidden fields, redirects followed by hand): it runs
 * everywhere, with or without Chromium ({@link BrowserLoginTest} runs the same in a real browser).
 */
class LoginPageEndToEndTest {

    private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]*)\"");

    private static RunningServer portcullis;
    private CallbackServer callback;
    private CookieManager cookies;
    private HttpClient browser;

    @BeforeAll
    static void startServer() {
        portcullis = RunningServer.start();
    }

    @AfterAll
    static void stopServer() {
        portcullis.close();
    }

    @BeforeEach
    void openBrowser() {
        callback = CallbackServer.start();
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void closeCallback() {
        callback.close();
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> submit(String session, String username, String password) {
        return send(HttpRequest.newBuilder(portcullis.uri("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("session", session, "username", username,
                        "password", password, "action", "login")))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the authorization URL; returns the login page's sealed session. */
    private String openLoginPage(CodeFlow flow) {
        HttpResponse<String> page = get(flow.authorizeUrl(portcullis.base()));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        Matcher session = SESSION.matcher(page.body());
        assertThat(session.find()).isTrue();
        return session.group(1);
    }

    @Test
    void theUserLogsInTheClientGetsACodeAndExchangesItForTokensThatWork() {
        CodeFlow flow = new CodeFlow(callback.redirectUri());
        String session = openLoginPage(flow);

        HttpResponse<String> login = submit(session, "admin", "secret");

        assertThat(login.statusCode()).isEqualTo(303);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(callback.redirectUri() + "?");
        assertThat(get(location).statusCode()).isEqualTo(200);
        Map<String, String> response = CodeFlow.query(callback.next());
        assertThat(response).containsEntry("state", flow.state).containsEntry("iss", portcullis.base());
        assertThat(response.keySet()).containsExactly("code", "state", "iss");

        HttpResponse<String> tokens = flow.exchange(portcullis, response.get("code"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = json(tokens);
        assertThat(body.get("scope").asText()).isEqualTo("read write");
        assertThat(body.has("refresh_token")).isTrue();

        HttpResponse<String> whoami = portcullis.get("/whoami", "Authorization", "Bearer " + body.get("access_token").asText());
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(json(whoami).get("sub").asText()).isEqualTo("admin");
        assertThat(json(whoami).get("client_id").asText()).isEqualTo("spa");

        assertThat(flow.exchange(portcullis, response.get("code")).statusCode()).as("a code is good once").isEqualTo(400);
    }

    @Test
    void aWrongPasswordShowsTheFormAgainAndNothingReachesTheClient() {
        String session = openLoginPage(new CodeFlow(callback.redirectUri()));

        HttpResponse<String> login = submit(session, "admin", "not-the-password");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.headers().firstValue("Location")).isEmpty();
        assertThat(login.body()).contains("Incorrect username or password.", "name=\"session\"");
        assertThat(callback.nothingReceived()).isTrue();
    }

    @Test
    void aTamperedCsrfCookieIsRefusedWithoutARedirect() {
        String session = openLoginPage(new CodeFlow(callback.redirectUri()));
        HttpCookie planted = new HttpCookie("portcullis-csrf", "A".repeat(43));
        planted.setPath("/");
        cookies.getCookieStore().removeAll();
        cookies.getCookieStore().add(portcullis.uri("/"), planted);

        HttpResponse<String> login = submit(session, "admin", "secret");

        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.headers().firstValue("Location")).isEmpty();
        assertThat(login.body()).contains("Sign-in form expired");
    }

    @Test
    void aTamperedSessionIsRefusedWithoutARedirect() {
        String session = openLoginPage(new CodeFlow(callback.redirectUri()));
        String tampered = (session.charAt(5) == 'A' ? 'B' : 'A') + "";
        tampered = session.substring(0, 5) + tampered + session.substring(6);

        HttpResponse<String> login = submit(tampered, "admin", "secret");

        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void discoveryAdvertisesTheAuthorizationEndpoint() {
        JsonNode doc = json(portcullis.get("/.well-known/oauth-authorization-server"));

        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(portcullis.base() + "/authorize");
        assertThat(doc.get("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(doc.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(doc.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    }
}
