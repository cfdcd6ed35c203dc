package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs every flow, successful and failed, against a real server while a handler on the root JUL
 * logger (where Portcullis and Helidon log) records everything at every level Portcullis logs; then
 * no secret, password, token, code or verifier the test sent or received may appear in the record.
 */
class LogSecrecyEndToEndTest {

    private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]*)\"");

    private final String clientSecret = "cs-" + Flows.random(24);
    private final String password = "pw-" + Flows.random(18);
    private final List<String> secrets = new ArrayList<>();

    @Test
    void noSecretTokenOrCodeReachesTheLog() throws Exception {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("dev.portcullis");
        Level oursBefore = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        try (RunningServer portcullis = RunningServer.start()) {
            // Helidon's JUL set-up may reset the log manager while the server starts: attach (again) once it runs
            root.removeHandler(capture);
            root.addHandler(capture);
            ours.setLevel(Level.ALL);
            runEveryFlow(portcullis);
        } finally {
            root.removeHandler(capture);
            ours.setLevel(oursBefore);
        }

        String log = String.join("\n", capture.lines);
        assertThat(capture.lines).as("the capture saw the flows").anyMatch(l -> l.contains("refused"));
        for (String secret : secrets) {
            assertThat(log).as("a secret of %d characters is in the log", secret.length()).doesNotContain(secret);
        }
    }

    private void runEveryFlow(RunningServer portcullis) throws Exception {
        Clock clock = Clock.systemUTC();
        portcullis.server.storage().clients().save(Client.confidential(new ClientId("audit"),
                        SecretHashers.forClientSecrets(clock).hash(clientSecret))
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN))
                .allowedScopes(ScopeSet.of("read", "introspect")).defaultScopes(ScopeSet.of("read")).build());
        portcullis.server.storage().users().save(new User(new Username("alice"),
                SecretHashers.forPasswords(4, clock).hash(password), List.of("reader"), User.Status.ENABLED));
        remember(clientSecret, password);
        String auth = basic("audit", clientSecret);

        String cc = token(portcullis.postForm("/token", "grant_type=client_credentials", "Authorization", auth), "access_token");
        var pw = json(portcullis.postForm("/token", form("grant_type", "password", "username", "alice", "password", password),
                "Authorization", auth));
        remember(pw.get("access_token").asText(), pw.get("refresh_token").asText());
        var refreshed = json(portcullis.postForm("/token", form("grant_type", "refresh_token", "refresh_token",
                pw.get("refresh_token").asText()), "Authorization", auth));
        String rotated = refreshed.get("refresh_token").asText();
        remember(refreshed.get("access_token").asText(), rotated);
        // client_secret_post too
        token(portcullis.postForm("/token", form("grant_type", "client_credentials", "client_id", "audit",
                "client_secret", clientSecret)), "access_token");

        assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + cc).statusCode()).isEqualTo(200);
        assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + cc + "x").statusCode()).isEqualTo(401);
        assertThat(portcullis.postForm("/introspect", form("token", cc), "Authorization", auth).statusCode()).isEqualTo(200);
        assertThat(portcullis.postForm("/introspect", form("token", rotated, "token_type_hint", "refresh_token"),
                "Authorization", auth).statusCode()).isEqualTo(200);
        assertThat(portcullis.postForm("/revoke", form("token", rotated), "Authorization", auth).statusCode()).isEqualTo(200);
        assertThat(portcullis.postForm("/revoke", form("token", cc), "Authorization", auth).statusCode()).isEqualTo(200);
        assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + cc).statusCode()).isEqualTo(401);

        // failures: a replayed refresh token, wrong secrets and passwords in every place they can be sent
        String wrongSecret = "wrong-cs-" + Flows.random(12);
        String wrongPassword = "wrong-pw-" + Flows.random(12);
        remember(wrongSecret, wrongPassword);
        assertThat(portcullis.postForm("/token", form("grant_type", "refresh_token", "refresh_token", rotated),
                "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(portcullis.postForm("/token", "grant_type=client_credentials", "Authorization",
                basic("audit", wrongSecret)).statusCode()).isEqualTo(401);
        assertThat(portcullis.postForm("/token", form("grant_type", "client_credentials", "client_id", "audit",
                "client_secret", wrongSecret)).statusCode()).isEqualTo(401);
        assertThat(portcullis.postForm("/token", form("grant_type", "password", "username", "alice", "password", wrongPassword),
                "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(portcullis.postForm("/token", form("grant_type", "password", "username", "nobody", "password", wrongPassword),
                "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(portcullis.postForm("/introspect", form("token", cc), "Authorization", basic("audit", wrongSecret))
                .statusCode()).isEqualTo(401);
        assertThat(portcullis.postForm("/revoke", form("token", cc), "Authorization", basic("audit", wrongSecret))
                .statusCode()).isEqualTo(401);

        // the authorization code flow through the login page, with a failed login first
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        CodeFlow flow = new CodeFlow(Flows.SPA_CALLBACK);
        remember(flow.verifier);
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(flow.authorizeUrl(portcullis.base()))).GET().build());
        Matcher session = SESSION.matcher(page.body());
        assertThat(session.find()).as(page.body()).isTrue();
        assertThat(login(browser, portcullis, session.group(1), "alice", wrongPassword).statusCode()).isEqualTo(401);
        page = send(browser, HttpRequest.newBuilder(URI.create(flow.authorizeUrl(portcullis.base()))).GET().build());
        session = SESSION.matcher(page.body());
        assertThat(session.find()).isTrue();
        HttpResponse<String> loggedIn = login(browser, portcullis, session.group(1), "alice", password);
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(303);
        Map<String, String> callback = CodeFlow.query(URI.create(loggedIn.headers().firstValue("Location").orElseThrow()));
        String code = callback.get("code");
        remember(code);
        var exchanged = json(flow.exchange(portcullis, code));
        remember(exchanged.get("access_token").asText(), exchanged.get("refresh_token").asText());
        assertThat(flow.exchange(portcullis, code).statusCode()).isEqualTo(400);

        Flows.PlantedCode planted = Flows.plantCode(portcullis);
        remember(planted.value(), planted.verifier());
        assertThat(Flows.exchange(portcullis, "client_id", "spa", "code", planted.value(), "redirect_uri", Flows.SPA_CALLBACK,
                "code_verifier", "wrong-" + planted.verifier()).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> login(HttpClient browser, RunningServer portcullis, String session, String user, String pass)
            throws Exception {
        return send(browser, HttpRequest.newBuilder(portcullis.uri("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("session", session, "username", user, "password", pass,
                        "action", "login")))
                .build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String token(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String value = json(response).get(field).asText();
        remember(value);
        return value;
    }

    /** A secret, and for a JWT its signature too: a log line may hold a fragment. */
    private void remember(String... values) {
        for (String value : values) {
            secrets.add(value);
            int lastDot = value.lastIndexOf('.');
            if (lastDot > 0 && value.length() - lastDot > 20) {
                secrets.add(value.substring(lastDot + 1));
            }
        }
    }

    private static final class Capture extends Handler {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record) + " " + String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
