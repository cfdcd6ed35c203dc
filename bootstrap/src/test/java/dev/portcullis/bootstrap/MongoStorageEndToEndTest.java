package dev.portcullis.bootstrap;

import com.mongodb.client.MongoDatabase;
import dev.portcullis.adapters.mongo.MongoKeyStore;
import dev.portcullis.adapters.mongo.MongoStorage;
import dev.portcullis.application.port.out.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** STORAGE_TYPE=mongo against the real MongoDB driver talking to an in-process wire-protocol server; a database per test. */
class MongoStorageEndToEndTest extends SharedStorageEndToEndTest {

    @RegisterExtension
    static final MongoWireServer mongo = new MongoWireServer();

    private final String database = "portcullis_e2e_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropDatabase() {
        mongo.database(database).drop();
    }

    @Override
    List<String> backendLocation() {
        return List.of("STORAGE_TYPE", "mongo", "MONGO_URI", mongo.uri(), "MONGO_DATABASE", database, "MONGO_TIMEOUT", "1s");
    }

    @Override
    String backendName() {
        return "mongo";
    }

    @Override
    Set<String> storedClientIds() {
        Set<String> ids = new TreeSet<>();
        raw().getCollection("clients").find().forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    @Override
    Map<String, String> storedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Document document : raw().getCollection("signing_keys").find()) {
            keys.put(document.getString("_id"), document.toJson());
        }
        return keys;
    }

    @Override
    KeyStore undecoratedKeyStore() {
        return new MongoKeyStore(MongoStorage.over(raw()));
    }

    @Override
    boolean canStopBackend() {
        return true;
    }

    @Override
    void stopBackend() {
        mongo.stop();
    }

    @Override
    void restartBackend() {
        mongo.restart();
    }

    private MongoDatabase raw() {
        return mongo.database(database);
    }
}
