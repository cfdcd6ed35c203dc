package dev.portcullis.adapters.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for one test class: {@code @RegisterExtension static final RedisTestServer redis = new RedisTestServer();}
 *
 * <p>Which Redis, in this order (or forced with {@code -Dportcullis.test.redis=uri|docker|path|embedded}):
 * <ol>
 *   <li>{@code REDIS_URI}, if set: a server someone else runs; tests only touch keys under a random prefix
 *       and cannot stop it, so outage tests are skipped;</li>
 *   <li>a Testcontainers {@code redis:7}, where Docker runs (an outage is a paused container);</li>
 *   <li>{@code redis-server} on the PATH (Debian package), a child process on a free port;</li>
 *   <li>the {@code redis-server} that {@code com.github.codemonstur:embedded-redis} ships in its jar.</li>
 * </ol>
 * So a fresh machine needs only a JDK. The servers it starts keep nothing on disk, and are stopped after the class.
 * Keys written under {@link #keyPrefix()} are deleted after each test.
 */
public final class RedisTestServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    public static final String MODE_PROPERTY = "portcullis.test.redis";
    private static final String DUMP = "dump.rdb";
    private static final Duration TEST_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    private final String keyPrefix = "portcullis-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final List<RedisBackend> opened = new ArrayList<>();
    private Instance instance;
    private RedisBackend backend;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        instance = startInstance();
        String version = redisVersion();
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("[redis-test] Redis " + version + ": " + instance.description());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (instance == null) {
            return;
        }
        if (!instance.isRunning()) {
            // A test stopped the server and failed: bring it back for the next test.
            instance.restart();
        }
        // Wait for the reconnection too: a test that restarted the server may end before the shared backend reconnected.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                deleteTestKeys();
                return;
            } catch (RuntimeException stillReconnecting) {
                if (System.nanoTime() > deadline) {
                    throw stillReconnecting;
                }
                sleep(50);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            opened.forEach(RedisBackend::close);
        } finally {
            opened.clear();
            backend = null;
            if (instance != null) {
                instance.close();
                instance = null;
            }
        }
    }

    /** A URI such as {@code redis://127.0.0.1:41234}. */
    public String uri() {
        return instance.uri();
    }

    /** Settings for this server: the test's own key prefix and a short command timeout. */
    public RedisSettings settings() {
        return new RedisSettings(uri(), keyPrefix, TEST_COMMAND_TIMEOUT);
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** The class's shared backend, connected on first use and closed after the class. */
    public RedisBackend backend() {
        if (backend == null) {
            backend = connect(settings());
        }
        return backend;
    }

    /** Another backend, closed after the class. */
    public RedisBackend connect(RedisSettings settings) {
        RedisBackend connected = RedisBackend.connect(settings);
        opened.add(connected);
        return connected;
    }

    /** Whether {@link #stop()} and {@link #restart()} can be used: false for a server given by {@code REDIS_URI}. */
    public boolean canStop() {
        return instance.canStop();
    }

    /** Makes the server unreachable (a stopped process, a paused container). */
    public void stop() {
        instance.stop();
    }

    /**
     * Stops the server the way a durable one goes down for maintenance: its data is saved
     * ({@code SHUTDOWN SAVE}; a paused container keeps it anyway), and the next {@link #restart()}
     * brings it back on the same address with that data.
     */
    public void stopKeepingData() {
        instance.stopKeepingData();
    }

    /** Brings it back on the same address; it has lost its data unless it was stopped with {@link #stopKeepingData()}. */
    public void restart() {
        instance.restart();
    }

    public String description() {
        return instance.description();
    }

    private String redisVersion() {
        String info = backend().commands().info("server");
        return info.lines().filter(l -> l.startsWith("redis_version:")).map(l -> l.substring(14).trim()).findFirst().orElse("?");
    }

    private void deleteTestKeys() {
        RedisCommands<String, String> redis = backend().commands();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(keyPrefix + "*").limit(500));
            if (!page.getKeys().isEmpty()) {
                redis.del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    private static Instance startInstance() throws IOException {
        String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        Optional<String> env = Optional.ofNullable(System.getenv("REDIS_URI")).filter(s -> !s.isBlank());
        switch (mode) {
            case "uri":
                return new External(env.orElseThrow(() -> new IllegalStateException("REDIS_URI is not set")));
            case "docker":
                return new Docker();
            case "path":
                return new ChildProcess(onPath().orElseThrow(() -> new IllegalStateException("no redis-server on the PATH")),
                        "redis-server from the PATH");
            case "embedded":
                return embedded();
            case "auto":
                break;
            default:
                throw new IllegalStateException(MODE_PROPERTY + " must be auto, uri, docker, path or embedded, not " + mode);
        }
        if (env.isPresent()) {
            return new External(env.get());
        }
        if (Docker.available()) {
            return new Docker();
        }
        Optional<Path> binary = onPath();
        if (binary.isPresent()) {
            return new ChildProcess(binary.get(), "redis-server from the PATH (" + binary.get() + ")");
        }
        return embedded();
    }

    private static Instance embedded() throws IOException {
        File binary = redis.embedded.core.ExecutableProvider.newJarResourceProvider().get();
        return new ChildProcess(binary.toPath(), "redis-server shipped in the embedded-redis jar");
    }

    private static Optional<Path> onPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private interface Instance extends AutoCloseable {
        String uri();

        String description();

        boolean canStop();

        boolean isRunning();

        void stop();

        void stopKeepingData();

        void restart();

        @Override
        void close();
    }

    private record External(String uri) implements Instance {
        @Override
        public String description() {
            return "REDIS_URI (" + RedisSettings.of(uri).toString().replaceAll(",.*", "").replace("RedisSettings[", "") + "), not stoppable";
        }

        @Override
        public boolean canStop() {
            return false;
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException("a server given by REDIS_URI is not ours to stop");
        }

        @Override
        public void stopKeepingData() {
            stop();
        }

        @Override
        public void restart() {
            throw new UnsupportedOperationException("a server given by REDIS_URI is not ours to restart");
        }

        @Override
        public void close() {}
    }

    /**
     * {@code redis-server --port N --save "" --appendonly no} as a child of this JVM, in a temporary
     * directory of its own where only {@link #stopKeepingData()} writes a dump, which the next start loads.
     */
    private static final class ChildProcess implements Instance {
        private final Path binary;
        private final String description;
        private final int port;
        private final Path dir;
        private final Thread killOnExit;
        private Process process;

        ChildProcess(Path binary, String origin) {
            this.binary = binary;
            this.port = freePort();
            try {
                this.dir = Files.createTempDirectory("portcullis-redis-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.description = origin + ", a child process on 127.0.0.1:" + port + " per test class";
            this.killOnExit = new Thread(this::kill, "redis-test-server-kill");
            Runtime.getRuntime().addShutdownHook(killOnExit);
            start();
        }

        private void start() {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(),
                    "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no",
                    "--dir", dir.toString(), "--dbfilename", DUMP)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + binary, e);
            }
            awaitPong();
            deleteDump(); // loaded, if there was one: a later start after a plain stop() begins empty
        }

        private void deleteDump() {
            try {
                Files.deleteIfExists(dir.resolve(DUMP));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void awaitPong() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(binary + " exited with " + process.exitValue() + " on port " + port);
                }
                if (answersPing(port)) {
                    return;
                }
                sleep(20);
            }
            kill();
            throw new IllegalStateException(binary + " did not answer PING on port " + port + " within 10 s");
        }

        private void kill() {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public String uri() {
            return "redis://127.0.0.1:" + port;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean canStop() {
            return true;
        }

        @Override
        public boolean isRunning() {
            return process != null && process.isAlive();
        }

        @Override
        public void stop() {
            kill();
        }

        @Override
        public void stopKeepingData() {
            if (!isRunning()) {
                return;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                socket.getOutputStream().write("SHUTDOWN SAVE\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.setSoTimeout(10_000);
                socket.getInputStream().read(); // the server closes the connection once saved and exiting
            } catch (IOException e) {
                throw new UncheckedIOException("SHUTDOWN SAVE on port " + port + " failed", e);
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("redis-server on port " + port + " did not exit after SHUTDOWN SAVE");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!Files.exists(dir.resolve(DUMP))) {
                throw new IllegalStateException("redis-server on port " + port + " exited without saving " + DUMP);
            }
        }

        @Override
        public void restart() {
            kill();
            start();
        }

        @Override
        public void close() {
            kill();
            deleteDump();
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary directory: the OS cleans it eventually
            }
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** A Testcontainers {@code redis:7}; an outage pauses it, so commands time out as on a dead network. */
    private static final class Docker implements Instance {
        private final org.testcontainers.containers.GenericContainer<?> container;
        private boolean paused;

        @SuppressWarnings("resource")
        Docker() {
            container = new org.testcontainers.containers.GenericContainer<>("redis:7")
                    .withExposedPorts(6379)
                    .withCommand("redis-server", "--save", "", "--appendonly", "no");
            container.start();
        }

        static boolean available() {
            boolean hinted = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                    || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                    || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
            if (!hinted) {
                return false;
            }
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public String uri() {
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }

        @Override
        public String description() {
            return "Testcontainers redis:7 at " + uri() + " per test class";
        }

        @Override
        public boolean canStop() {
            return true;
        }

        @Override
        public boolean isRunning() {
            return container.isRunning() && !paused;
        }

        @Override
        public void stop() {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }

        @Override
        public void stopKeepingData() {
            stop(); // a paused container keeps its data
        }

        @Override
        public void restart() {
            if (paused) {
                container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
                paused = false;
            }
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
