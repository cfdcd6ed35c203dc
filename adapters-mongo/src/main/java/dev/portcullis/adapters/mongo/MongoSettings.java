package dev.portcullis.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;

/**
 * Where and how to reach MongoDB. Short timeouts matter: a store that cannot answer must fail fast
 * with {@link dev.portcullis.application.port.out.BackendUnavailableException}, not hang a request.
 *
 * @param uri                      a {@code mongodb://} or {@code mongodb+srv://} connection string; may carry credentials
 * @param database                 the database holding Portcullis' collections
 * @param connectTimeoutMs         how long opening a socket may take
 * @param readTimeoutMs            how long one operation may wait for its answer
 * @param serverSelectionTimeoutMs how long an operation may wait for a usable server (the outage case)
 */
public record MongoSettings(String uri, String database, long connectTimeoutMs, long readTimeoutMs,
        long serverSelectionTimeoutMs) {

    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
    public static final long DEFAULT_READ_TIMEOUT_MS = 5_000;
    public static final long DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 2_000;

    public MongoSettings {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("a MongoDB connection string is required");
        }
        try {
            new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // the message of the driver may quote the URI, password included: do not chain it
            throw new IllegalArgumentException("not a MongoDB connection string: " + redact(uri));
        }
        if (database == null || database.isBlank() || database.chars().anyMatch(c -> "/\\. \"$".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a MongoDB database name: " + database);
        }
        requirePositive(connectTimeoutMs, "connectTimeoutMs");
        requirePositive(readTimeoutMs, "readTimeoutMs");
        requirePositive(serverSelectionTimeoutMs, "serverSelectionTimeoutMs");
    }

    /** Settings with the default timeouts. */
    public static MongoSettings of(String uri, String database) {
        return new MongoSettings(uri, database, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS,
                DEFAULT_SERVER_SELECTION_TIMEOUT_MS);
    }

    /** The driver settings: the connection string, then these timeouts over any it names. */
    public MongoClientSettings clientSettings() {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToSocketSettings(s -> s
                        .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelectionTimeoutMs, TimeUnit.MILLISECONDS))
                .applicationName("portcullis")
                .build();
    }

    /** Never prints the password of the connection string. */
    @Override
    public String toString() {
        return "MongoSettings[uri=" + redact(uri) + ", database=" + database + ", connectTimeoutMs=" + connectTimeoutMs
                + ", readTimeoutMs=" + readTimeoutMs + ", serverSelectionTimeoutMs=" + serverSelectionTimeoutMs + "]";
    }

    /**
     * The URI with everything between {@code ://} and the last {@code @} before the options
     * replaced: the user info, even when a malformed one holds a {@code /}.
     */
    static String redact(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return "<unparseable>";
        }
        int options = uri.indexOf('?', scheme + 3);
        int at = uri.lastIndexOf('@', options < 0 ? uri.length() - 1 : options);
        if (at < scheme + 3) {
            return uri;
        }
        return uri.substring(0, scheme + 3) + "***" + uri.substring(at);
    }

    /**
     * A new driver client with these settings; the caller closes it. {@link MongoStorage#connect}
     * uses it, and owns the client it makes.
     */
    public MongoClient createClient() {
        return MongoClients.create(clientSettings());
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
