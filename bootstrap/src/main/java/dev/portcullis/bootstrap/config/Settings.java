package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.application.service.LimitRequestsService;
import dev.portcullis.domain.client.RedirectUriPolicy;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import io.helidon.config.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The whole configuration, typed and checked once at start. */
public record Settings(
        Profile profile,
        Server server,
        Optional<Issuer> issuer,
        Set<Issuer> allowedIssuers,
        boolean trustForwardedHeaders,
        boolean discoveryEnabled,
        Tokens tokens,
        RefreshTokens refreshTokens,
        Users users,
        Authorize authorize,
        Signing signing,
        ScopeSet whoamiRequiredScope,
        Storage storage,
        LifecycleSettings lifecycle,
        LimitRequestsService.Policy rateLimits,
        ObservabilitySettings observability,
        RegistrationSettings registration) {

    /** bcrypt's own limits, and the highest cost the password hasher accepts (cost 20 is over a minute per login). */
    static final int MIN_BCRYPT_COST = 4;
    static final int MAX_BCRYPT_COST = 20;

    /**
     * @param shutdownGracePeriod how long requests in flight may take to finish at shutdown
     * @param connections         timeouts of slow clients and the connection cap
     */
    public record Server(String host, int port, Duration shutdownGracePeriod, Connections connections) {}

    /** See {@code docs/security.md}, "Connections and timeouts". */
    public record Connections(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections) {}

    /** @param maxAccessTokenTtl the longest lifetime a client's own {@code access_token_ttl} may have */
    public record Tokens(Duration accessTokenTtl, Optional<String> audience, Duration clockSkew, Duration maxAccessTokenTtl) {}

    /** @param idleTtl each token's lifetime unused; {@code absoluteTtl} the whole family's */
    public record RefreshTokens(Duration idleTtl, Duration absoluteTtl) {}

    /** @param bcryptCost the cost of new user password hashes */
    public record Users(int bcryptCost) {}

    /**
     * The authorization endpoint and its login page.
     *
     * @param sessionKey seals the login page's session; empty means a random key per start (one node only)
     */
    public record Authorize(Duration codeTtl, Optional<byte[]> sessionKey, Duration sessionTtl, LoginThrottlePolicy throttle) {}

    /** @param hs256Key the shared HS256 key, when the algorithm is HS256 */
    public record Signing(SigningAlgorithm algorithm, Optional<byte[]> hs256Key, Optional<Path> jwksFile) {}

    public enum Backend { MEMORY, MONGO, REDIS }

    /**
     * @param keyEncryptionKey encrypts signing keys at rest in shared stores; empty means the dev key
     */
    public record Storage(Backend type, Backend revocation, Mongo mongo, Redis redis, Optional<byte[]> keyEncryptionKey) {}

    public record Mongo(String uri, String database, Duration timeout) {
        /** The address without credentials, for log lines and health output. */
        public String address() {
            return redactCredentials(uri);
        }
    }

    public record Redis(String uri, String keyPrefix, Duration timeout) {
        public String address() {
            return redactCredentials(uri);
        }
    }

    /**
     * The redirect-URI rule of this profile: the dev profile also takes {@code http://localhost} for loopback, which
     * RFC 8252 §8.3 advises against elsewhere (the name may resolve to another interface or host).
     */
    public RedirectUriPolicy redirectUriPolicy() {
        return profile == Profile.DEV ? RedirectUriPolicy.DEV : RedirectUriPolicy.STRICT;
    }

    public static Settings from(Config config) {
        Profile profile = Profile.parse(text(config, ConfigKey.PROFILE));
        String host = text(config, ConfigKey.SERVER_HOST);
        Server server = new Server(host.isBlank() ? (profile == Profile.DEV ? "127.0.0.1" : "0.0.0.0") : host,
                port(text(config, ConfigKey.SERVER_PORT)), duration(config, ConfigKey.SERVER_SHUTDOWN_GRACE),
                new Connections(duration(config, ConfigKey.SERVER_IDLE_TIMEOUT), duration(config, ConfigKey.SERVER_HEADER_TIMEOUT),
                        duration(config, ConfigKey.SERVER_BODY_TIMEOUT),
                        integer(config, ConfigKey.SERVER_MAX_CONNECTIONS, 1, 1_000_000)));
        String discovery = text(config, ConfigKey.DISCOVERY);
        Optional<Issuer> issuer = optional(config, ConfigKey.ISSUER).map(value -> parse(ConfigKey.ISSUER,
                () -> new Issuer(value.endsWith("/") ? value.substring(0, value.length() - 1) : value)));
        Set<Issuer> allowedIssuers = allowedIssuers(config);
        if (issuer.isPresent() && !allowedIssuers.isEmpty()) {
            throw new ConfigurationException("set " + ConfigKey.ISSUER.key() + " or " + ConfigKey.ALLOWED_ISSUERS.key()
                    + ", not both: a configured issuer answers every Host");
        }
        return new Settings(
                profile,
                server,
                issuer,
                allowedIssuers,
                bool(config, ConfigKey.TRUST_FORWARDED),
                discovery.isBlank() ? profile == Profile.DEV : bool(config, ConfigKey.DISCOVERY),
                tokens(config),
                new RefreshTokens(
                        positive(ConfigKey.REFRESH_IDLE_TTL, Durations.parse(ConfigKey.REFRESH_IDLE_TTL.key(), text(config, ConfigKey.REFRESH_IDLE_TTL))),
                        positive(ConfigKey.REFRESH_ABSOLUTE_TTL, Durations.parse(ConfigKey.REFRESH_ABSOLUTE_TTL.key(), text(config, ConfigKey.REFRESH_ABSOLUTE_TTL)))),
                new Users(integer(config, ConfigKey.USERS_BCRYPT_COST, MIN_BCRYPT_COST, MAX_BCRYPT_COST)),
                authorize(config),
                signing(config),
                ScopeSet.parse(text(config, ConfigKey.WHOAMI_SCOPE)).orElseThrow(() -> new ConfigurationException(
                        ConfigKey.WHOAMI_SCOPE.key() + " is not a space-delimited list of scopes")),
                storage(config),
                LifecycleSettings.from(config),
                rateLimits(config),
                ObservabilitySettings.from(config),
                RegistrationSettings.from(config));
    }

    private static Tokens tokens(Config config) {
        Duration ttl = duration(config, ConfigKey.TOKEN_TTL);
        Duration max = duration(config, ConfigKey.TOKEN_MAX_TTL);
        if (ttl.compareTo(max) > 0) {
            throw new ConfigurationException(ConfigKey.TOKEN_TTL.key() + " (" + ttl.toSeconds() + " s) must not exceed "
                    + ConfigKey.TOKEN_MAX_TTL.key() + " (" + max.toSeconds() + " s): raise the maximum if you mean it");
        }
        return new Tokens(ttl, optional(config, ConfigKey.TOKEN_AUDIENCE),
                Durations.parse(ConfigKey.CLOCK_SKEW.key(), text(config, ConfigKey.CLOCK_SKEW)), max);
    }

    /**
     * Derived issuers are {@code scheme://host[:port]}, lower-case, without a default port: each entry is brought to
     * that form, and one with a path, query or userinfo, which no derived issuer could equal, is refused.
     */
    private static Set<Issuer> allowedIssuers(Config config) {
        Set<Issuer> issuers = new LinkedHashSet<>();
        for (String entry : text(config, ConfigKey.ALLOWED_ISSUERS).trim().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            issuers.add(parse(ConfigKey.ALLOWED_ISSUERS, () -> origin(entry)));
        }
        return Set.copyOf(issuers);
    }

    private static Issuer origin(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + entry + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null || !bare) {
            throw new IllegalArgumentException("'" + entry + "' is not scheme://host[:port]");
        }
        return IssuerResolver.derive(scheme, uri.getRawAuthority())
                .orElseThrow(() -> new IllegalArgumentException("'" + entry + "' is not scheme://host[:port]"));
    }

    private static Authorize authorize(Config config) {
        Duration codeTtl = duration(config, ConfigKey.AUTHORIZATION_CODE_TTL);
        if (codeTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigurationException(ConfigKey.AUTHORIZATION_CODE_TTL.key() + " must be at most 10 minutes (RFC 6749 §4.1.2)");
        }
        Optional<byte[]> sessionKey = optional(config, ConfigKey.AUTHORIZE_SESSION_KEY)
                .map(value -> decode(ConfigKey.AUTHORIZE_SESSION_KEY, value));
        sessionKey.filter(k -> k.length < 32).ifPresent(k -> {
            throw new ConfigurationException(ConfigKey.AUTHORIZE_SESSION_KEY.key() + " must be at least 256 bits (32 bytes), not "
                    + k.length * 8);
        });
        Duration lockout = duration(config, ConfigKey.LOGIN_LOCKOUT);
        Duration maxLockout = duration(config, ConfigKey.LOGIN_MAX_LOCKOUT);
        if (maxLockout.compareTo(lockout) < 0) {
            throw new ConfigurationException(ConfigKey.LOGIN_MAX_LOCKOUT.key() + " must not be shorter than "
                    + ConfigKey.LOGIN_LOCKOUT.key());
        }
        return new Authorize(codeTtl, sessionKey, duration(config, ConfigKey.AUTHORIZE_SESSION_TTL),
                new LoginThrottlePolicy(integer(config, ConfigKey.LOGIN_MAX_FAILURES, 1, 1000),
                        duration(config, ConfigKey.LOGIN_FAILURE_WINDOW), lockout, maxLockout));
    }

    private static LimitRequestsService.Policy rateLimits(Config config) {
        return new LimitRequestsService.Policy(
                integer(config, ConfigKey.RATE_LIMIT_PER_ADDRESS, 0, Integer.MAX_VALUE),
                integer(config, ConfigKey.RATE_LIMIT_PER_CLIENT, 0, Integer.MAX_VALUE),
                duration(config, ConfigKey.RATE_LIMIT_WINDOW),
                integer(config, ConfigKey.RATE_LIMIT_LOCKOUT_FAILURES, 0, 1_000_000),
                duration(config, ConfigKey.RATE_LIMIT_LOCKOUT_WINDOW));
    }

    /** A positive duration. */
    private static Duration duration(Config config, ConfigKey key) {
        return positive(key, Durations.parse(key.key(), text(config, key)));
    }

    private static Storage storage(Config config) {
        Backend type = backend(config, ConfigKey.STORAGE_TYPE, Backend.values());
        String revocationName = text(config, ConfigKey.REVOCATION_TYPE).trim();
        Backend revocation = revocationName.isEmpty()
                ? (type == Backend.REDIS ? Backend.REDIS : Backend.MEMORY)
                : backend(config, ConfigKey.REVOCATION_TYPE, Backend.MEMORY, Backend.REDIS);
        Optional<byte[]> kek = optional(config, ConfigKey.KEYS_ENCRYPTION_KEY).map(value -> decode(ConfigKey.KEYS_ENCRYPTION_KEY, value));
        kek.filter(k -> k.length != 32).ifPresent(k -> {
            throw new ConfigurationException(ConfigKey.KEYS_ENCRYPTION_KEY.key() + " must be 256 bits (32 bytes), not " + k.length * 8);
        });
        return new Storage(type, revocation,
                new Mongo(text(config, ConfigKey.MONGO_URI).trim(), text(config, ConfigKey.MONGO_DATABASE).trim(),
                        positive(ConfigKey.MONGO_TIMEOUT, Durations.parse(ConfigKey.MONGO_TIMEOUT.key(), text(config, ConfigKey.MONGO_TIMEOUT)))),
                new Redis(text(config, ConfigKey.REDIS_URI).trim(), text(config, ConfigKey.REDIS_KEY_PREFIX),
                        positive(ConfigKey.REDIS_TIMEOUT, Durations.parse(ConfigKey.REDIS_TIMEOUT.key(), text(config, ConfigKey.REDIS_TIMEOUT)))),
                kek);
    }

    private static Backend backend(Config config, ConfigKey key, Backend... allowed) {
        String value = text(config, key).trim();
        for (Backend backend : allowed) {
            if (backend.name().equalsIgnoreCase(value)) {
                return backend;
            }
        }
        throw new ConfigurationException(key.key() + " must be one of " + java.util.Arrays.stream(allowed)
                .map(b -> b.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", not '" + value + "'");
    }

    static String redactCredentials(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }

    private static Signing signing(Config config) {
        String name = text(config, ConfigKey.SIGNING_ALGORITHM);
        SigningAlgorithm algorithm = SigningAlgorithm.fromName(name).orElseThrow(() -> new ConfigurationException(
                ConfigKey.SIGNING_ALGORITHM.key() + " must be ES256, RS256, EdDSA or HS256, not '" + name + "'"));
        Optional<byte[]> key = optional(config, ConfigKey.SIGNING_HS256_KEY).map(value -> decode(ConfigKey.SIGNING_HS256_KEY, value));
        if (algorithm == SigningAlgorithm.HS256 && key.isEmpty()) {
            throw new ConfigurationException("HS256 needs " + ConfigKey.SIGNING_HS256_KEY.key()
                    + " (" + ConfigKey.SIGNING_HS256_KEY.environmentVariable() + "): a base64 key of at least 256 bits");
        }
        return new Signing(algorithm, key, optional(config, ConfigKey.SIGNING_JWKS_FILE).map(Path::of));
    }

    private static byte[] decode(ConfigKey configKey, String value) {
        String trimmed = value.trim();
        try {
            return trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(configKey.key() + " is not base64", e);
        }
    }

    private static String text(Config config, ConfigKey key) {
        return config.get(key.key()).asString().orElse(key.defaultValue());
    }

    private static Optional<String> optional(Config config, ConfigKey key) {
        return Optional.of(text(config, key).trim()).filter(value -> !value.isEmpty());
    }

    private static boolean bool(Config config, ConfigKey key) {
        String value = text(config, key).trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigurationException(key.key() + " must be true or false, not '" + value + "'");
    }

    private static int integer(Config config, ConfigKey key, int min, int max) {
        String value = text(config, key).trim();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigurationException(key.key() + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigurationException(ConfigKey.SERVER_PORT.key() + " must be a port number, not '" + value + "'");
    }

    private static Duration positive(ConfigKey key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new ConfigurationException(key.key() + " must be positive");
        }
        return duration;
    }

    private static <T> T parse(ConfigKey key, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key.key() + ": " + e.getMessage(), e);
        }
    }
}
