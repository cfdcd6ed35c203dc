package dev.portcullis.adapters.mongo;

import com.mongodb.client.MongoClient;

/**
 * The MongoDB named by the environment variable {@code MONGODB_URI}, shared by every test class of
 * the run. Tests create and drop their own databases there ({@code portcullis_test_*}). Only used
 * by test classes annotated {@code @EnabledIfEnvironmentVariable(named = "MONGODB_URI", ...)}.
 */
final class ExternalMongo extends MongoTarget {

    static final String VARIABLE = "MONGODB_URI";

    private static ExternalMongo shared;

    private final MongoClient client;

    private ExternalMongo(MongoClient client) {
        this.client = client;
    }

    static synchronized ExternalMongo shared() {
        if (shared == null) {
            shared = new ExternalMongo(MongoSettings.of(System.getenv(VARIABLE), "unused").createClient());
        }
        return shared;
    }

    @Override
    protected MongoClient client() {
        return client;
    }
}
