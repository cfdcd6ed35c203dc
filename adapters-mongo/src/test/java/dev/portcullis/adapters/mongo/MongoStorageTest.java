package dev.portcullis.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoStorageTest {

    @RegisterExtension
    static final InProcessMongo MONGO = new InProcessMongo();

    @AfterEach
    void dropDatabases() {
        MONGO.dropDatabases();
    }

    @Test
    void pingAnswersAndTheDatabaseIsNamed() {
        MongoStorage storage = MONGO.freshStorage();

        storage.ping();

        assertThat(storage.databaseName()).startsWith("portcullis_test_");
    }

    @Test
    void startingTwiceOverTheSameDatabaseKeepsTheIndexesAndTheData() {
        MongoStorage first = MONGO.freshStorage();
        new MongoUserRepository(first).save(dev.portcullis.application.port.out.contract.Users.enabled("alice"));

        MongoStorage again = MongoStorage.over(MONGO.client().getDatabase(first.databaseName()));

        assertThat(new MongoUserRepository(again).findByUsername(new dev.portcullis.domain.user.Username("alice"))).isPresent();
    }

    @Test
    void connectCreatesAStorageThatOwnsItsClient() {
        String uri = MONGO.server().getConnectionString();
        try (MongoStorage storage = MongoStorage.connect(MongoSettings.of(uri, "portcullis_connect"))) {
            storage.ping();
            assertThat(storage.databaseName()).isEqualTo("portcullis_connect");
        }
        MONGO.client().getDatabase("portcullis_connect").drop();
    }
}
