package dev.portcullis.adapters.mongo;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) on a random port,
 * started before a test class and stopped after it. Register it as a static extension field.
 * Not a full MongoDB: it never runs TTL deletion, which the adapters do not rely on.
 */
final class InProcessMongo extends MongoTarget implements BeforeAllCallback, AfterAllCallback {

    private MongoServer server;
    private MongoClient client;
    private Class<?> owner;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server != null) {
            return; // a nested class runs inside its outer class's server
        }
        owner = context.getRequiredTestClass();
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        client = MongoSettings.of(uri, "unused").createClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != owner) {
            return; // a nested class ended: the class that started the server stops it
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
        client = null;
        server = null;
    }

    @Override
    protected MongoClient client() {
        if (client == null) {
            throw new IllegalStateException("the in-process MongoDB is not started: register InProcessMongo as a static extension");
        }
        return client;
    }

    MongoServer server() {
        return server;
    }
}
