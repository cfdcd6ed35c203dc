package dev.portcullis.bootstrap;

import dev.portcullis.adapters.crypto.EncryptingKeyStore;
import dev.portcullis.adapters.memory.InMemoryAuthorizationCodeStore;
import dev.portcullis.adapters.memory.InMemoryClientRepository;
import dev.portcullis.adapters.memory.InMemoryKeyStore;
import dev.portcullis.adapters.memory.InMemoryLoginThrottle;
import dev.portcullis.adapters.memory.InMemoryRateLimiter;
import dev.portcullis.adapters.memory.InMemoryRefreshTokenStore;
import dev.portcullis.adapters.memory.InMemoryRevocationList;
import dev.portcullis.adapters.memory.InMemoryUserRepository;
import dev.portcullis.adapters.mongo.MongoAuthorizationCodeStore;
import dev.portcullis.adapters.mongo.MongoClientRepository;
import dev.portcullis.adapters.mongo.MongoKeyStore;
import dev.portcullis.adapters.mongo.MongoRefreshTokenStore;
import dev.portcullis.adapters.mongo.MongoRevocationList;
import dev.portcullis.adapters.mongo.MongoSettings;
import dev.portcullis.adapters.mongo.MongoStorage;
import dev.portcullis.adapters.mongo.MongoUserRepository;
import dev.portcullis.adapters.redis.RedisAuthorizationCodeStore;
import dev.portcullis.adapters.redis.RedisBackend;
import dev.portcullis.adapters.redis.RedisClientRepository;
import dev.portcullis.adapters.redis.RedisKeyStore;
import dev.portcullis.adapters.redis.RedisLoginThrottle;
import dev.portcullis.adapters.redis.RedisRateLimiter;
import dev.portcullis.adapters.redis.RedisRefreshTokenStore;
import dev.portcullis.adapters.redis.RedisRevocationList;
import dev.portcullis.adapters.redis.RedisSettings;
import dev.portcullis.adapters.redis.RedisUserRepository;
import dev.portcullis.application.port.out.BackendProbe;
import dev.portcullis.application.port.out.BackendProbe.Criticality;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.bootstrap.config.ConfigKey;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Profile;
import dev.portcullis.bootstrap.config.Settings;
import dev.portcullis.bootstrap.config.Settings.Backend;
import dev.portcullis.bootstrap.observability.TimedPorts;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens the storage profile the configuration names: the only place that knows the storage adapters. */
final class StorageFactory {

    private StorageFactory() {
    }

    /**
     * @throws BackendStartupException when a configured backend does not answer
     */
    static Storage open(Settings settings, Clock clock) {
        Settings.Storage config = settings.storage();
        // a missing key-encryption key is a configuration mistake: reported before any backend is contacted
        Optional<byte[]> kek = config.type() == Backend.MEMORY ? Optional.empty() : Optional.of(keyEncryptionKey(settings));
        List<BackendProbe> probes = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        Optional<RedisBackend> redis = needsRedis(config) ? Optional.of(connectRedis(config.redis())) : Optional.empty();
        redis.ifPresent(backend -> {
            resources.add(backend);
            // revocation-only Redis degrades the node (no new revocations) but does not stop it serving
            probes.add(probe("redis", config.redis().address(), backend::ping,
                    config.type() == Backend.REDIS ? Criticality.REQUIRED : Criticality.DEGRADING));
        });
        RevocationList revocations = config.revocation() == Backend.REDIS
                ? redisRevocations(redis.orElseThrow(), clock, settings, config.redis(), resources)
                : new InMemoryRevocationList(clock);
        // counters and lockouts shared cluster-wide whenever the nodes share a Redis; a node's own otherwise
        RateLimiter rateLimiter = redis.<RateLimiter>map(backend -> new RedisRateLimiter(backend, clock))
                .orElseGet(() -> new InMemoryRateLimiter(clock));
        LoginThrottlePolicy policy = settings.authorize().throttle();
        LoginThrottle loginThrottle = redis.<LoginThrottle>map(backend -> new RedisLoginThrottle(backend, clock, policy))
                .orElseGet(() -> new InMemoryLoginThrottle(clock, policy));
        return switch (config.type()) {
            case MEMORY -> new Storage(new InMemoryClientRepository(), new InMemoryUserRepository(),
                    new InMemoryAuthorizationCodeStore(), new InMemoryRefreshTokenStore(), new InMemoryKeyStore(),
                    revocations, rateLimiter, loginThrottle, probes, resources);
            case MONGO -> {
                MongoStorage mongo = connectMongo(config.mongo());
                resources.add(mongo);
                probes.add(probe("mongo", config.mongo().address(), mongo::ping, Criticality.REQUIRED));
                yield new Storage(new MongoClientRepository(mongo), new MongoUserRepository(mongo),
                        new MongoAuthorizationCodeStore(mongo), new MongoRefreshTokenStore(mongo),
                        new EncryptingKeyStore(new MongoKeyStore(mongo), kek.orElseThrow()),
                        revocations, rateLimiter, loginThrottle, probes, resources);
            }
            case REDIS -> {
                RedisBackend backend = redis.orElseThrow();
                yield new Storage(new RedisClientRepository(backend), new RedisUserRepository(backend),
                        new RedisAuthorizationCodeStore(backend, clock), new RedisRefreshTokenStore(backend, clock),
                        new EncryptingKeyStore(new RedisKeyStore(backend), kek.orElseThrow()), revocations, rateLimiter, loginThrottle,
                        probes, resources);
            }
        };
    }

    /**
     * {@code storage} with the ports that a store backs timed ({@code portcullis.backend.latency}): MongoDB or Redis
     * for {@code storage.type}, Redis for the revocation list, the rate limiter and the login throttle when Redis is configured. Memory
     * ports stay as they are: the dev default pays nothing, and the histograms only show backends.
     */
    static Storage timed(Storage storage, Settings.Storage config, TimedPorts timed) {
        boolean shared = config.type() != Backend.MEMORY;
        return new Storage(
                shared ? timed.clients(storage.clients()) : storage.clients(),
                shared ? timed.users(storage.users()) : storage.users(),
                shared ? timed.codes(storage.codes()) : storage.codes(),
                shared ? timed.refreshTokens(storage.refreshTokens()) : storage.refreshTokens(),
                shared ? timed.keys(storage.keys()) : storage.keys(),
                config.revocation() == Backend.REDIS ? timed.revocations(storage.revocations()) : storage.revocations(),
                needsRedis(config) ? timed.rateLimiter(storage.rateLimiter()) : storage.rateLimiter(),
                needsRedis(config) ? timed.loginThrottle(storage.loginThrottle()) : storage.loginThrottle(),
                storage.probes(), storage.resources());
    }

    /** Subscribes and fills the near-cache now; closed before the backend it listens on. */
    private static RedisRevocationList redisRevocations(RedisBackend backend, Clock clock, Settings settings,
            Settings.Redis redis, List<AutoCloseable> resources) {
        try {
            RedisRevocationList list = new RedisRevocationList(backend, clock, settings.lifecycle().revocationResyncInterval());
            resources.addFirst(list);
            return list;
        } catch (BackendUnavailableException e) {
            resources.forEach(StorageFactory::closeQuietly);
            throw new BackendStartupException("redis", redis.address(), e);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // startup is failing anyway
        }
    }

    private static boolean needsRedis(Settings.Storage config) {
        return config.type() == Backend.REDIS || config.revocation() == Backend.REDIS;
    }

    private static RedisBackend connectRedis(Settings.Redis redis) {
        try {
            return RedisBackend.connect(RedisSettings.of(redis.uri())
                    .withKeyPrefix(redis.keyPrefix())
                    .withCommandTimeout(redis.timeout()));
        } catch (BackendUnavailableException e) {
            throw new BackendStartupException("redis", redis.address(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ConfigKey.REDIS_URI.key() + ": " + e.getMessage(), e);
        }
    }

    private static MongoStorage connectMongo(Settings.Mongo mongo) {
        long timeout = mongo.timeout().toMillis();
        try {
            return MongoStorage.connect(new MongoSettings(mongo.uri(), mongo.database(), timeout, timeout, timeout));
        } catch (BackendUnavailableException e) {
            throw new BackendStartupException("mongo", mongo.address(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ConfigKey.MONGO_URI.key() + ": " + e.getMessage(), e);
        }
    }

    /** The configured key-encryption key; in dev only, a fixed, clearly marked dev key. */
    private static byte[] keyEncryptionKey(Settings settings) {
        Optional<byte[]> configured = settings.storage().keyEncryptionKey();
        if (configured.isPresent()) {
            return configured.get();
        }
        if (settings.profile() != Profile.DEV) {
            throw new ConfigurationException(ConfigKey.KEYS_ENCRYPTION_KEY.key() + " (" + ConfigKey.KEYS_ENCRYPTION_KEY.environmentVariable()
                    + ") is required with shared storage: a base64 256-bit key that encrypts signing keys at rest");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(
                    "portcullis-dev-key-encryption-key-NOT-FOR-PRODUCTION".getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static BackendProbe probe(String backend, String address, Runnable ping, Criticality criticality) {
        return new BackendProbe() {
            @Override
            public String backend() {
                return backend;
            }

            @Override
            public String address() {
                return address;
            }

            @Override
            public void ping() {
                ping.run();
            }

            @Override
            public Criticality criticality() {
                return criticality;
            }
        };
    }
}
