package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The worked example in a real browser: headless Chromium opens the authorization URL, the user
 * logs in on the page, the browser follows the redirect to the client's loopback callback, and
 * the client exchanges the code and calls /whoami. Skipped, with the reason, where no Chromium or
 * chromedriver is installed; {@link LoginPageEndToEndTest} runs the same flow without a browser.
 */
class BrowserLoginTest {

    private static final Optional<String> UNAVAILABLE = HeadlessChromium.unavailable();
    private static RunningServer portcullis;
    private static HeadlessChromium chromium;
    private CallbackServer callback;

    @BeforeAll
    static void start() {
        if (UNAVAILABLE.isPresent()) {
            System.err.println("BrowserLoginTest: every test SKIPPED: " + UNAVAILABLE.get());
            return;
        }
        portcullis = RunningServer.start();
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (portcullis != null) {
            portcullis.close();
        }
    }

    /** Checked per test, so that each one is reported skipped with the reason (a class-level skip shows as "0 run"). */
    @BeforeEach
    void startCallback() {
        assumeTrue(UNAVAILABLE.isEmpty(), () -> "no browser: " + UNAVAILABLE.orElseThrow());
        callback = CallbackServer.start();
        chromium.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void stopCallback() {
        if (callback != null) {
            callback.close();
        }
    }

    private WebDriver browser() {
        return chromium.driver();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser(), Duration.ofSeconds(10));
    }

    private void openLoginPage(CodeFlow flow) {
        browser().get(flow.authorizeUrl(portcullis.base()));
        assertThat(browser().getTitle()).startsWith("Sign in");
        assertThat(browser().findElement(By.id("client")).getText()).isEqualTo("spa");
    }

    private void fillIn(String username, String password) {
        browser().findElement(By.id("username")).clear();
        browser().findElement(By.id("username")).sendKeys(username);
        browser().findElement(By.id("password")).sendKeys(password);
        browser().findElement(By.id("login")).click();
    }

    @Test
    void theUserLogsInOnThePageAndTheClientGetsTokensThatWork() {
        CodeFlow flow = new CodeFlow(callback.redirectUri());
        openLoginPage(flow);

        fillIn("admin", "secret");

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser().getCurrentUrl()).startsWith(callback.redirectUri() + "?");
        URI arrived = callback.next();
        Map<String, String> response = CodeFlow.query(arrived);
        assertThat(response).containsEntry("state", flow.state).containsEntry("iss", portcullis.base());

        HttpResponse<String> tokens = flow.exchange(portcullis, response.get("code"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = json(tokens).get("access_token").asText();

        HttpResponse<String> whoami = portcullis.get("/whoami", "Authorization", "Bearer " + accessToken);
        assertThat(whoami.statusCode()).isEqualTo(200);
        JsonNode me = json(whoami);
        assertThat(me.get("sub").asText()).isEqualTo("admin");
        assertThat(me.get("client_id").asText()).isEqualTo("spa");
        assertThat(me.get("scope").asText()).isEqualTo("read write");
    }

    @Test
    void theCsrfCookieIsHttpOnlyAndStrict() {
        openLoginPage(new CodeFlow(callback.redirectUri()));

        Cookie csrf = browser().manage().getCookieNamed("portcullis-csrf");

        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isTrue();
        assertThat(csrf.getSameSite()).isEqualTo("Strict");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAGenericError() {
        openLoginPage(new CodeFlow(callback.redirectUri()));

        fillIn("admin", "not-the-password");

        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText())
                .isEqualTo("Incorrect username or password.");
        assertThat(browser().getCurrentUrl()).isEqualTo(portcullis.base() + "/authorize");
        assertThat(browser().findElement(By.id("username")).getAttribute("value")).isEqualTo("admin");
        assertThat(callback.nothingReceived()).isTrue();
    }

    @Test
    void aTamperedCsrfCookieGetsAnErrorPageAndNoRedirect() {
        openLoginPage(new CodeFlow(callback.redirectUri()));
        browser().manage().deleteCookieNamed("portcullis-csrf");
        browser().manage().addCookie(new Cookie.Builder("portcullis-csrf", "A".repeat(43)).path("/")
                .isHttpOnly(true).sameSite("Strict").build());

        fillIn("admin", "secret");

        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("Sign-in form expired");
        assertThat(browser().getCurrentUrl()).isEqualTo(portcullis.base() + "/authorize");
        assertThat(callback.nothingReceived()).isTrue();
    }

    @Test
    void aTamperedSessionFieldGetsAnErrorPageAndNoRedirect() {
        openLoginPage(new CodeFlow(callback.redirectUri()));
        chromium.driver().executeScript(
                "const f = document.querySelector('input[name=session]'); f.value = 'x' + f.value.substring(1);");

        fillIn("admin", "secret");

        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("Sign-in form expired");
        assertThat(callback.nothingReceived()).isTrue();
    }

    @Test
    void cancelSendsTheUserBackWithAccessDenied() {
        CodeFlow flow = new CodeFlow(callback.redirectUri());
        openLoginPage(flow);

        browser().findElement(By.id("cancel")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(CodeFlow.query(callback.next())).containsEntry("error", "access_denied")
                .containsEntry("state", flow.state).containsEntry("iss", portcullis.base());
    }
}
