package dev.portcullis.adapters.mongo;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A MongoDB server the contract tests run against. Each test gets a database of its own from
 * {@link #freshStorage()}; {@link #dropDatabases()} removes them after the test.
 */
abstract class MongoTarget {

    private final String prefix = "portcullis_test_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    private final List<String> databases = new ArrayList<>();

    protected abstract MongoClient client();

    /** A storage over a new, empty database, indexes created. */
    final synchronized MongoStorage freshStorage() {
        String name = prefix + databases.size();
        databases.add(name);
        return MongoStorage.over(client().getDatabase(name));
    }

    final synchronized void dropDatabases() {
        for (String name : databases) {
            client().getDatabase(name).drop();
        }
        databases.clear();
    }

    // the six adapters over a fresh database, for the contract tests

    final MongoClientRepository clients() {
        return new MongoClientRepository(freshStorage());
    }

    final MongoUserRepository users() {
        return new MongoUserRepository(freshStorage());
    }

    final MongoAuthorizationCodeStore codes() {
        return new MongoAuthorizationCodeStore(freshStorage());
    }

    final MongoRefreshTokenStore refreshTokens() {
        return new MongoRefreshTokenStore(freshStorage());
    }

    final MongoRevocationList revocations(java.time.Clock clock) {
        return new MongoRevocationList(freshStorage(), clock);
    }

    final MongoKeyStore keys() {
        return new MongoKeyStore(freshStorage());
    }

}
