package dev.portcullis.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.bootstrap.config.ConfigLoader;
import dev.portcullis.bootstrap.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** A real Portcullis on a random loopback port, configured as a user would (environment variables), and a JDK client for it. */
final class RunningServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final PortcullisServer server;
    final HttpClient http = HttpClient.newHttpClient();

    private RunningServer(PortcullisServer server) {
        this.server = server;
    }

    /** @param environment variables on top of {@code SERVER_PORT=0} */
    static RunningServer start(String... environment) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", "0");
        for (int i = 0; i < environment.length; i += 2) {
            env.put(environment[i], environment[i + 1]);
        }
        return new RunningServer(PortcullisServer.start(Settings.from(ConfigLoader.load(env, Optional.empty()))));
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postForm(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client_credentials token for the dev client. */
    String devToken(String... extraForm) {
        String[] pairs = new String[4 + extraForm.length];
        pairs[0] = "grant_type";
        pairs[1] = "client_credentials";
        System.arraycopy(extraForm, 0, pairs, 2, extraForm.length);
        pairs[pairs.length - 2] = "client_id";
        pairs[pairs.length - 1] = "myapp";
        String body = form(pairs) + "&client_secret=secret";
        HttpResponse<String> response = postForm("/token", body);
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    /**
     * GET /metrics as a scraper would: at the management port when there is one, else on the public port with a
     * dev-admin token of the metrics scope.
     */
    HttpResponse<String> metrics() {
        OptionalInt management = server.managementPort();
        if (management.isPresent()) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + management.getAsInt() + "/metrics")).GET().build());
        }
        HttpResponse<String> token = postForm("/token", "grant_type=client_credentials&scope=metrics",
                "Authorization", basic("dev-admin", "secret"));
        if (token.statusCode() != 200) {
            throw new AssertionError("metrics token request failed: " + token.statusCode() + " " + token.body());
        }
        return get("/metrics", "Authorization", "Bearer " + json(token).get("access_token").asText());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static Map<String, String> headers(HttpResponse<String> response) {
        return response.headers().map().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), e -> String.join(",", e.getValue()), (a, b) -> a));
    }

    @Override
    public void close() {
        server.close();
    }
}
