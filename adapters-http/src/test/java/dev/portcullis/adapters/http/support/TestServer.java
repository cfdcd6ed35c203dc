package dev.portcullis.adapters.http.support;

import dev.portcullis.adapters.http.HttpAdapter;
import dev.portcullis.adapters.http.HttpSettings;
import dev.portcullis.adapters.http.HttpUseCases;
import dev.portcullis.adapters.http.authorize.AuthorizeEndpoint;
import dev.portcullis.application.port.in.CheckReadiness.Readiness;
import dev.portcullis.application.port.in.DescribeServer.ServerCapabilities;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.scope.ScopeSet;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The real Helidon server on 127.0.0.1, a random port, wired by {@link HttpAdapter#configure}
 * exactly as the bootstrap wires it, with scripted use cases; and clients to talk to it.
 */
public final class TestServer implements AutoCloseable {

    public static final String JWKS = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\"x\",\"y\":\"y\"}]}";
    public static final ServerCapabilities CAPABILITIES = new ServerCapabilities(
            List.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE),
            List.of(AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST, AuthMethod.NONE),
            ScopeSet.of("read", "write"),
            Set.of(SigningAlgorithm.ES256));

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public final ScriptedIssueToken issueToken = new ScriptedIssueToken();
    public final ScriptedAuthenticateBearer authenticateBearer = new ScriptedAuthenticateBearer();
    /** What PublishKeys answers; a test may rotate it. */
    public volatile String jwks = JWKS;
    /** What CheckReadiness answers; a test may take a backend down. */
    public volatile Readiness readiness = new Readiness(List.of());
    private final WebServer server;

    private TestServer(HttpSettings settings, Optional<AuthorizeEndpoint> authorize) {
        HttpAdapter http = new HttpAdapter(new HttpUseCases(issueToken, authenticateBearer, () -> jwks, () -> CAPABILITIES,
                () -> readiness, authorize), settings);
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .update(http::configure)
                .build()
                .start();
    }

    public static TestServer start(HttpSettings settings) {
        return new TestServer(settings, Optional.empty());
    }

    /** With the authorization endpoint too. */
    public static TestServer start(HttpSettings settings, AuthorizeEndpoint authorize) {
        return new TestServer(settings, Optional.of(authorize));
    }

    public static TestServer start() {
        return start(HttpSettings.defaults());
    }

    public int port() {
        return server.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** POST {@code form} as {@code application/x-www-form-urlencoded}. */
    public Reply postForm(String path, String form, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends raw bytes on a fresh connection, half-closes it, and returns everything the server
     * writes until it closes or idles.
     */
    public String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput(); // nothing more is coming: a server waiting for a body sees EOF
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException idle) {
                // keep-alive connection: what arrived is the answer
            }
            return received.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
