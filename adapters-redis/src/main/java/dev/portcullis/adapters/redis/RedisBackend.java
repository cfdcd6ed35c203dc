package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.BackendUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One Lettuce client and the one connection every Redis adapter of this node shares (Lettuce
 * connections are thread-safe and pipeline concurrent commands). Create it once in bootstrap,
 * hand it to the adapters, close it at shutdown.
 *
 * <p>The connection reconnects by itself. While it is down, commands are rejected at once rather
 * than queued, so that a command the caller saw fail cannot run later behind its back (a queued
 * code redemption or rotation would otherwise turn the client's retry into a "replay").
 */
public final class RedisBackend implements AutoCloseable {

    static final String NAME = "redis";

    /** Reconnect attempts back off from 10 ms to at most one a second: a restarted Redis is used again within about a second. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> commands;
    private final String keyPrefix;

    private RedisBackend(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> connection,
            String keyPrefix) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.commands = connection.sync();
        this.keyPrefix = keyPrefix;
    }

    /**
     * Connects, or throws {@link BackendUnavailableException} if Redis cannot be reached within the
     * command timeout. Standalone, TLS and Sentinel URIs all work; Redis Cluster does not (yet).
     */
    public static RedisBackend connect(RedisSettings settings) {
        RedisURI uri = RedisURI.create(settings.uri());
        uri.setTimeout(settings.commandTimeout());
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(settings.commandTimeout()).keepAlive(true).build())
                .build());
        try {
            return new RedisBackend(resources, client, client.connect(StringCodec.UTF8), settings.keyPrefix());
        } catch (RedisException e) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new BackendUnavailableException(NAME, e);
        }
    }

    /** Readiness: returns once Redis answered a PING, else throws {@link BackendUnavailableException}. */
    public void ping() {
        String answer = call(commands::ping);
        if (!"PONG".equals(answer)) {
            throw new BackendUnavailableException(NAME, new IllegalStateException("PING answered " + answer));
        }
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** Closes the connection and releases the client's threads. */
    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            try {
                client.shutdown(0, 2, TimeUnit.SECONDS);
            } finally {
                resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
            }
        }
    }

    RedisCommands<String, String> commands() {
        return commands;
    }

    /** A second connection, for pub/sub: it reconnects and re-subscribes by itself, like the command connection. */
    StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return call(() -> client.connectPubSub(StringCodec.UTF8));
    }

    String key(String kind, String id) {
        return keyPrefix + kind + ":" + id;
    }

    String key(String kind) {
        return keyPrefix + kind;
    }

    /** Runs one Redis interaction; any Lettuce failure becomes {@link BackendUnavailableException}, never an answer. */
    <T> T call(Supplier<T> interaction) {
        try {
            return interaction.get();
        } catch (RedisException | CancellationException e) {
            throw new BackendUnavailableException(NAME, e);
        }
    }

    void run(Runnable interaction) {
        call(() -> {
            interaction.run();
            return null;
        });
    }
}
