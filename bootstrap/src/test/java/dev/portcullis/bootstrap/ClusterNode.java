package dev.portcullis.bootstrap;

import dev.portcullis.bootstrap.config.ConfigKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Portcullis node as a separate JVM process, started exactly as a user deploys it:
 * {@code java @jvm.options -jar bootstrap/target/portcullis.jar}, configured by the environment alone,
 * on a loopback port chosen up front (so that it keeps its address across a restart). Its standard
 * output and error go to {@code <name>.log} in the given directory, for diagnosis.
 */
final class ClusterNode implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final String name;
    final int port;
    private final Path jar;
    private final Path logs;
    private final Map<String, String> environment;
    private final Thread killOnExit;
    private volatile Process process;
    private int starts;

    ClusterNode(String name, Path jar, Path logs, Map<String, String> environment) {
        this.name = name;
        this.port = freePort();
        this.jar = jar;
        this.logs = logs;
        this.environment = Map.copyOf(environment);
        this.killOnExit = new Thread(this::kill, "cluster-node-" + name + "-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** {@code java @jvm.options -jar portcullis.jar [args]} with the node's environment; the repository root is the jar's grandparent's parent. */
    static ProcessBuilder command(Path jar, Map<String, String> environment, String... args) {
        Path jvmOptions = jar.getParent().getParent().getParent().resolve("jvm.options");
        if (!Files.isRegularFile(jvmOptions)) {
            throw new IllegalStateException("no jvm.options beside the build: " + jvmOptions);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile());
        Map<String, String> env = builder.environment();
        for (ConfigKey key : ConfigKey.values()) {
            env.remove(key.environmentVariable()); // whatever the developer's shell sets
        }
        env.remove("PORTCULLIS_CONFIG");
        env.putAll(environment);
        return builder;
    }

    /** Starts the process (again, after {@link #kill()}), appending to its log. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        Path log = log();
        try {
            Files.createDirectories(logs);
            if (starts == 0) {
                Files.deleteIfExists(log); // a previous run's
            }
            Files.writeString(log, "=== " + java.time.Instant.now() + " start " + (++starts) + " of node " + name + " on port " + port
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = command(jar, env).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name, e);
        }
    }

    /** Waits until {@code /health/ready} answers 200. */
    void awaitReady() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new AssertionError("node " + name + " is not running" + (p == null ? "" : " (exit " + p.exitValue() + ")")
                        + "\n" + tail());
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(2)).build()).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new AssertionError("node " + name + " was not ready within " + START_LIMIT + "\n" + tail());
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** {@code destroyForcibly}: a crash, not a shutdown. */
    void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path log() {
        return logs.resolve("node-" + name + ".log");
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> postForm(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    int whoami(String accessToken) {
        return get("/whoami", "Authorization", "Bearer " + accessToken).statusCode();
    }

    /** A client_credentials token of the dev client myapp. */
    String token() {
        HttpResponse<String> response = postForm("/token", "grant_type=client_credentials", "Authorization", basic("myapp", "secret"));
        if (response.statusCode() != 200) {
            throw new AssertionError("token request on " + name + " failed: " + response.statusCode() + " " + response.body());
        }
        return RunningServer.json(response).get("access_token").asText();
    }

    /** {@code POST /revoke} of an access token by the dev client myapp. */
    HttpResponse<String> revoke(String accessToken) {
        return postForm("/revoke", RunningServer.form("token", accessToken, "token_type_hint", "access_token"),
                "Authorization", basic("myapp", "secret"));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the node's log, for an assertion message. */
    String tail() {
        try {
            List<String> lines = Files.exists(log()) ? Files.readAllLines(log(), StandardCharsets.UTF_8) : List.of();
            return "--- " + log() + " (last lines)\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log() + ": " + e + ")";
        }
    }

    @Override
    public String toString() {
        return "node " + name + " on port " + port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
