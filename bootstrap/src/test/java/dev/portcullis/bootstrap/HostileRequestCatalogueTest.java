package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalogue of hostile requests against every endpoint of a real server, sent over a raw
 * socket so that nothing is cleaned up on the way. One table: each row is a request and the
 * exact answer it must get, as a status and an error code. The error code is the JSON body's
 * {@code error}, or a redirect's {@code error} parameter, or {@code page} for an HTML page, or
 * {@code -} when the answer carries none. No row may be answered with a 5xx.
 *
 * An introspection answer without an error is {@code active} or {@code inactive}.
 *
 * <p>Placeholders filled in when sending: {@code {HOST}} (the server's host:port), {@code {PORT}} (its port), {@code {TOKEN}}
 * (a valid access token of the dev client, scope read), {@code {ADMIN_TOKEN}} (a valid access token of the dev admin
 * client, scope admin). Dynamic registration is on, behind {@link #INITIAL_ACCESS_TOKEN}.
 */
class HostileRequestCatalogueTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MYAPP = "Basic bXlhcHA6c2VjcmV0"; // myapp:secret
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String SPA = "client_id=spa&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcallback";
    private static final String VALID_AUTHZ = SPA + "&response_type=code&code_challenge=" + CHALLENGE
            + "&code_challenge_method=S256&state=s1";

    static final String INITIAL_ACCESS_TOKEN = "catalogue-initial-access-token-0123456789";

    private static RunningServer portcullis;
    private static String token;
    private static String adminToken;

    /** One row of the catalogue. */
    record Case(String name, Request request, int status, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A request: method, target, headers and body; or a raw byte string (ISO-8859-1) sent as is. */
    record Request(String method, String target, List<String[]> headers, String body, String raw, boolean host) {
        Request h(String name, String value) {
            List<String[]> more = new ArrayList<>(headers);
            more.add(new String[] {name, value});
            return new Request(method, target, more, body, raw, host);
        }

        Request form(String formBody) {
            return h("Content-Type", FORM).body(formBody);
        }

        Request body(String text) {
            return new Request(method, target, headers, text, raw, host);
        }

        Request noHost() {
            return new Request(method, target, headers, body, raw, false);
        }

        byte[] bytes(String hostPort, String accessToken, String adminAccessToken) {
            String text;
            if (raw != null) {
                text = raw;
            } else {
                StringBuilder out = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
                if (host) {
                    out.append("Host: {HOST}\r\n");
                }
                for (String[] header : headers) {
                    out.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
                String filledBody = body == null ? null : fill(body, hostPort, accessToken, adminAccessToken);
                if (filledBody != null && headers.stream().noneMatch(x -> x[0].equalsIgnoreCase("transfer-encoding")
                        || x[0].equalsIgnoreCase("content-length"))) {
                    out.append("Content-Length: ").append(filledBody.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n");
                }
                out.append("Connection: close\r\n\r\n");
                if (filledBody != null) {
                    out.append(filledBody);
                }
                text = out.toString();
            }
            return fill(text, hostPort, accessToken, adminAccessToken).getBytes(StandardCharsets.ISO_8859_1);
        }

        private static String fill(String text, String hostPort, String accessToken, String adminAccessToken) {
            return text.replace("{HOST}", hostPort).replace("{PORT}", hostPort.substring(hostPort.lastIndexOf(':') + 1))
                    .replace("{TOKEN}", accessToken).replace("{ADMIN_TOKEN}", adminAccessToken);
        }
    }

    static Request req(String method, String target) {
        return new Request(method, target, List.of(), null, null, true);
    }

    static Request get(String target) {
        return req("GET", target);
    }

    static Request post(String target) {
        return req("POST", target);
    }

    static Request raw(String text) {
        return new Request(null, null, List.of(), null, text, true);
    }

    static Case c(String name, int status, String error, Request request) {
        return new Case(name, request, status, error);
    }

    @BeforeAll
    static void start() {
        portcullis = RunningServer.start("REGISTRATION_ENABLED", "true", "REGISTRATION_INITIAL_ACCESS_TOKEN", INITIAL_ACCESS_TOKEN);
        token = portcullis.devToken("scope", "read");
        adminToken = Lifecycle.token(portcullis, "dev-admin", "secret");
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    static Stream<Case> catalogue() {
        return HostileRequests.all().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("catalogue")
    void everyHostileRequestGetsItsExactAnswer(Case c) {
        RawHttp.Exchange exchange = RawHttp.exchange(portcullis.server.port(),
                c.request().bytes("localhost:" + portcullis.server.port(), token, adminToken), 2000);
        RawHttp.Response response = exchange.response();

        assertThat(response.status()).as("%s: no 5xx, ever", c.name()).isLessThan(500);
        assertThat(response.status() + " " + errorOf(response)).as("%s → %s", c.name(), response.text())
                .isEqualTo(c.status() + " " + c.error());
        if ("HEAD".equals(c.request().method())) {
            assertThat(response.body()).as("%s: a HEAD answer has no body (RFC 9110 §9.3.2)", c.name()).isEmpty();
        }
        if (response.status() != 0) {
            assertThat(response.header("X-Content-Type-Options")).as(c.name()).contains("nosniff");
        }
        if ("page".equals(c.error())) {
            assertThat(response.header("X-Frame-Options")).as(c.name()).contains("DENY");
            assertThat(response.header("Content-Security-Policy")).as(c.name()).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        }
        if (response.header("Connection").filter("close"::equalsIgnoreCase).isPresent()) {
            // RFC 9112 §9.6: nothing after an answer that says close; neither a body nor a pipelined request is run
            assertThat(exchange.afterText()).as("%s: nothing after the answer", c.name()).isEmpty();
            assertThat(exchange.closed()).as("%s: the connection is closed after Connection: close", c.name()).isTrue();
        }
        assertThat(response.all("Set-Cookie")).as(c.name()).noneMatch(v -> v.contains("injected"));
        assertThat(response.headers()).as(c.name()).noneMatch(h -> h[0].equalsIgnoreCase("injected"));
    }

    @Test
    void theCatalogueHoldsAtLeast150DistinctRequests() {
        List<Case> all = HostileRequests.all();
        Set<String> names = new HashSet<>();
        Set<String> requests = new HashSet<>();
        for (Case c : all) {
            assertThat(names.add(c.name())).as("duplicate name %s", c.name()).isTrue();
            assertThat(requests.add(new String(c.request().bytes("h", "t", "a"), StandardCharsets.ISO_8859_1)))
                    .as("duplicate request %s", c.name()).isTrue();
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    }

    /**
     * The JSON {@code error} (or an introspection answer's {@code active}/{@code inactive}), a redirect's {@code error}
     * parameter, {@code page} for HTML, else {@code -}.
     */
    static String errorOf(RawHttp.Response response) {
        String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") && response.body().length > 0) {
            try {
                JsonNode json = RunningServer.JSON.readTree(response.body());
                if (json.has("error")) {
                    return json.get("error").asText();
                }
                return json.path("active").isBoolean() ? (json.get("active").asBoolean() ? "active" : "inactive") : "-";
            } catch (java.io.IOException e) {
                return "not-json";
            }
        }
        if (response.status() / 100 == 3 && response.header("Location").isPresent()) {
            String query = URI.create(response.header("Location").get()).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("error=")) {
                        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                    }
                }
            }
            return "-";
        }
        if (type.startsWith("text/html")) {
            return "page";
        }
        return "-";
    }
}
