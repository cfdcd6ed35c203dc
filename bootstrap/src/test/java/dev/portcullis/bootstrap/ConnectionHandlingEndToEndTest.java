package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling through unread bodies (RFC 9112 §9.6, §6.3): after an answer that says
 * {@code Connection: close} the server closes the connection, and a body the route did not read is
 * never parsed as a next request. Each case hides a {@code POST /revoke} of a live access token in
 * a body (or behind a request that asked to close); if it ran, the token would be revoked, and the
 * audit trail and the access log would name it.
 */
class ConnectionHandlingEndToEndTest {

    private static final String MYAPP = "Basic bXlhcHA6c2VjcmV0"; // myapp:secret

    private static RunningServer portcullis;

    @BeforeAll
    static void start() {
        portcullis = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    /** The request an attacker hides: revoking the victim's token (any request with an effect would do). */
    private static String smuggledRevocation(String token) {
        String form = "token=" + token;
        return "POST /revoke HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + MYAPP
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form;
    }

    static Stream<Arguments> answeredWithoutReadingTheBody() {
        return Stream.of(
                Arguments.of("GET /jwks with a body", "GET", "/jwks", "", 200),
                Arguments.of("an unknown path", "POST", "/nothing", "", 404),
                Arguments.of("a method not allowed", "DELETE", "/jwks", "", 405),
                Arguments.of("/whoami without a token", "GET", "/whoami", "", 401),
                Arguments.of("/admin/clients without a token", "POST", "/admin/clients", "Content-Type: application/json\r\n", 401),
                Arguments.of("/revoke with a wrong Content-Type", "POST", "/revoke", "Content-Type: text/plain\r\n", 400),
                Arguments.of("discovery by POST", "POST", "/.well-known/oauth-authorization-server", "", 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredWithoutReadingTheBody")
    void anUnreadBodyIsNeverRunAsARequestAndCloseClosesTheConnection(String name, String method, String path, String headers,
            int status) {
        String token = portcullis.devToken("scope", "read");
        String body = smuggledRevocation(token);
        String outer = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;

        Logged<RawHttp.Exchange> logged = logged(() ->
                RawHttp.exchange(portcullis.server.port(), outer.getBytes(StandardCharsets.ISO_8859_1), 3000));
        RawHttp.Exchange exchange = logged.result();

        assertThat(logged.mentioning("token.revoked")).as("%s: no audit record of the revocation", name)
                .isEmpty();
        assertThat(exchange.response().status()).as(name).isEqualTo(status);
        assertThat(exchange.response().header("Connection")).as(name).hasValue("close");
        assertThat(exchange.afterText()).as("%s: nothing after the answer", name).isEmpty();
        assertThat(exchange.closed()).as("%s: the server closed the connection after Connection: close", name).isTrue();
        assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode())
                .as("%s: the smuggled revocation never ran", name).isEqualTo(200);
    }

    @Test
    void aRequestPipelinedBehindConnectionCloseIsNeverRun() {
        String token = portcullis.devToken("scope", "read");
        String pipelined = "GET /jwks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" + smuggledRevocation(token);

        Logged<RawHttp.Exchange> logged = logged(() ->
                RawHttp.exchange(portcullis.server.port(), pipelined.getBytes(StandardCharsets.ISO_8859_1), 3000));
        RawHttp.Exchange exchange = logged.result();

        assertThat(logged.mentioning("token.revoked")).as("no audit record of the revocation").isEmpty();
        assertThat(exchange.response().status()).isEqualTo(200);
        assertThat(exchange.afterText()).isEmpty();
        assertThat(exchange.closed()).isTrue();
        assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreadBodyOnAKeptAliveConnectionIsDrainedNotRun() {
        String token = portcullis.devToken("scope", "read");
        String body = smuggledRevocation(token);
        String outer = "GET /jwks HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;

        RawHttp.Exchange exchange = RawHttp.exchange(portcullis.server.port(), outer.getBytes(StandardCharsets.ISO_8859_1), 1500);

        assertThat(exchange.response().status()).isEqualTo(200);
        assertThat(exchange.afterText()).as("no second answer: the body was drained, not parsed").isEmpty();
        assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    /** The control for the log assertions above: a revocation that does run is seen by the same capture. */
    @Test
    void aRevocationThatRunsIsLoggedAndAudited() {
        String token = portcullis.devToken("scope", "read");
        String request = smuggledRevocation(token).replace("Host: localhost\r\n", "Host: localhost\r\nConnection: close\r\n");

        Logged<RawHttp.Exchange> logged = logged(() ->
                RawHttp.exchange(portcullis.server.port(), request.getBytes(StandardCharsets.ISO_8859_1), 3000));

        assertThat(logged.result().response().status()).isEqualTo(200);
        assertThat(logged.mentioning("token.revoked")).isNotEmpty();
        assertThat(portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    /** What {@code work} returned, and the log records of every Portcullis logger (audit and access included) meanwhile. */
    record Logged<T>(T result, List<String> records) {
        List<String> mentioning(String... words) {
            return records.stream().filter(r -> Stream.of(words).anyMatch(r::contains)).toList();
        }
    }

    private static <T> Logged<T> logged(Supplier<T> work) {
        ConcurrentLinkedQueue<String> records = new ConcurrentLinkedQueue<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage() == null ? "" : record.getMessage();
                Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
                records.add(record.getLoggerName() + " " + message + " " + java.util.Arrays.deepToString(parameters));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            T result = work.get();
            // the audit and access records of a request are written once its answer has gone: give them a moment
            sleep(300);
            return new Logged<>(result, List.copyOf(records));
        } finally {
            root.removeHandler(capture);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
