package dev.portcullis.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.portcullis.application.port.out.BackendUnavailableException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The MongoDB database every Mongo adapter shares: its collections, their indexes, the readiness
 * check, and the one place driver failures become {@link BackendUnavailableException}.
 *
 * <p>Indexes: each collection is keyed by {@code _id} (unique by MongoDB's own rule); codes,
 * refresh tokens and revocations carry a TTL index on {@code expiresAt} ({@code expireAfterSeconds
 * 0}) so the server deletes them once expired. TTL deletion runs about once a minute, and some
 * servers do not run it at all, so every read also filters on {@code expiresAt} itself.
 */
public final class MongoStorage implements AutoCloseable {

    static final String CLIENTS = "clients";
    static final String USERS = "users";
    static final String AUTHORIZATION_CODES = "authorization_codes";
    static final String REFRESH_TOKENS = "refresh_tokens";
    static final String REVOKED_TOKENS = "revoked_tokens";
    static final String SIGNING_KEYS = "signing_keys";

    private static final String BACKEND = "mongo";

    private final MongoDatabase database;
    private final Optional<MongoClient> ownedClient;

    private MongoStorage(MongoDatabase database, Optional<MongoClient> ownedClient) {
        this.database = Objects.requireNonNull(database, "database").withWriteConcern(WriteConcern.MAJORITY);
        this.ownedClient = ownedClient;
    }

    /**
     * Connects with {@code settings} (timeouts included) and makes sure the indexes exist. The
     * storage owns the client: {@link #close()} closes it.
     *
     * @throws BackendUnavailableException if MongoDB cannot be reached to create the indexes
     */
    public static MongoStorage connect(MongoSettings settings) {
        MongoClient client = settings.createClient();
        try {
            MongoStorage storage = new MongoStorage(client.getDatabase(settings.database()), Optional.of(client));
            storage.createIndexes();
            return storage;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Uses a database whose client the caller owns and closes (tests, or a client shared with
     * something else), and makes sure the indexes exist.
     *
     * @throws BackendUnavailableException if MongoDB cannot be reached to create the indexes
     */
    public static MongoStorage over(MongoDatabase database) {
        MongoStorage storage = new MongoStorage(database, Optional.empty());
        storage.createIndexes();
        return storage;
    }

    /**
     * The readiness check: one round trip to the server.
     *
     * @throws BackendUnavailableException if MongoDB does not answer within the timeouts
     */
    public void ping() {
        call(() -> database.runCommand(new Document("ping", 1)));
    }

    /** The database's name, for logs and health output. */
    public String databaseName() {
        return database.getName();
    }

    /** Closes the client if this storage created it; a no-op for {@link #over(MongoDatabase)}. */
    @Override
    public void close() {
        ownedClient.ifPresent(MongoClient::close);
    }

    private void createIndexes() {
        call(() -> {
            IndexOptions ttl = new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS);
            for (String expiring : new String[] {AUTHORIZATION_CODES, REFRESH_TOKENS, REVOKED_TOKENS}) {
                database.getCollection(expiring).createIndex(Indexes.ascending(Fields.EXPIRES_AT), ttl);
            }
            database.getCollection(REFRESH_TOKENS)
                    .createIndex(Indexes.ascending(Fields.FAMILY), new IndexOptions().name("family"));
            return null;
        });
    }

    MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** Runs one driver operation; any driver failure becomes {@link BackendUnavailableException}, never an answer. */
    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw new BackendUnavailableException(BACKEND, e);
        }
    }

    static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }
}
