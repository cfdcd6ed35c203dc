package dev.portcullis.adapters.mongo;

import com.mongodb.client.MongoClient;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A real MongoDB in a container, started on first use and shared by every test class of the run
 * (Testcontainers' reaper removes it when the JVM exits). Only used by test classes annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}, which are skipped where Docker is absent.
 */
final class ContainerMongo extends MongoTarget {

    static final String IMAGE = "mongo:8.0";

    private static ContainerMongo shared;

    private final MongoClient client;

    private ContainerMongo(MongoClient client) {
        this.client = client;
    }

    static synchronized ContainerMongo shared() {
        if (shared == null) {
            @SuppressWarnings("resource") // lives as long as the JVM
            MongoDBContainer container = new MongoDBContainer(IMAGE);
            container.start();
            shared = new ContainerMongo(MongoSettings.of(container.getConnectionString(), "unused").createClient());
        }
        return shared;
    }

    @Override
    protected MongoClient client() {
        return client;
    }
}
