package dev.portcullis.bootstrap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.portcullis.adapters.mongo.MongoSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) on a random
 * loopback port for one test class: {@code @RegisterExtension static final MongoWireServer mongo = new MongoWireServer();}
 *
 * <p>{@link #stop()} takes it off the network as a crashed server would (listener and every client
 * connection closed); {@link #restart()} brings it back on the same port with its data, as a
 * real MongoDB keeps its data on disk. Not a full MongoDB: it never runs TTL deletion.
 */
final class MongoWireServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    private final KeptMemoryBackend backend = new KeptMemoryBackend();
    private MongoServer server;
    private int port;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        port = server.getLocalAddress().getPort();
        client = MongoSettings.of(uri(), "unused").createClient();
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("[mongo-test] MongoDB: mongo-java-server (in-process wire protocol, memory backend) on " + uri());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server == null) {
            restart(); // a test stopped it and failed: bring it back for the next one
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
        backend.discard();
    }

    /** The loopback port it listens on, the same across restarts. */
    int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:<port>}: the same address across restarts. */
    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** A database as the test sees it, read and written behind Portcullis' back. */
    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** Closes the listener and every connection: to its clients the server is gone. Its data stays. */
    void stop() {
        server.shutdownNow();
        server = null;
    }

    /** Listens again on the same port, with the data it had. */
    void restart() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            MongoServer restarted = new MongoServer(backend);
            try {
                restarted.bind("127.0.0.1", port);
                server = restarted;
                return;
            } catch (RuntimeException portNotFreeYet) { // bind() has shut the attempt down
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot listen on " + port + " again", portNotFreeYet);
                }
                sleep(Duration.ofMillis(100));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shutting a MongoServer down closes its backend, which empties it; this one keeps its data until discarded. */
    private static final class KeptMemoryBackend extends MemoryBackend {

        private volatile boolean discarded;

        @Override
        public void close() {
            if (discarded) {
                super.close();
            }
        }

        void discard() {
            discarded = true;
            super.close();
        }
    }
}
