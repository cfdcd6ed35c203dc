package dev.portcullis.bootstrap.config;

import java.util.Locale;

/**
 * Every configuration key Portcullis reads: its default, and the environment variable that
 * overrides it (the key upper-cased, with dots and dashes as underscores). One list, so the docs,
 * the environment mapping and the reader cannot drift apart.
 */
public enum ConfigKey {
    PROFILE("portcullis.profile", "dev", "`dev` (memory storage, seeded dev client, discovery on) or `prod`"),
    SERVER_HOST("server.host", "", "address to listen on; empty: 127.0.0.1 in dev, 0.0.0.0 otherwise"),
    SERVER_PORT("server.port", "8080", "port to listen on (0 picks a free one)"),
    SERVER_SHUTDOWN_GRACE("server.shutdown-grace-period", "10s",
            "at shutdown, how long requests in flight may take to finish once new connections are refused"),
    SERVER_IDLE_TIMEOUT("server.idle-timeout", "75s",
            "a connection with no request in progress (silent since it opened, idle between requests, or trickling a request line) is closed after this long"),
    SERVER_HEADER_TIMEOUT("server.request-header-timeout", "10s",
            "from a request line, how long its headers may take to arrive before the connection is closed"),
    SERVER_BODY_TIMEOUT("server.request-body-timeout", "30s",
            "from the end of the headers, how long a request body may take to arrive and be answered (or an unread one to be drained) before the connection is closed"),
    SERVER_MAX_CONNECTIONS("server.max-connections", "10000",
            "open connections at most; beyond it, new ones wait in the listen backlog until one closes"),
    ISSUER("issuer", "", "issuer URL (RFC 8414), one trailing slash dropped; empty: derived from each request's Host "
            + "(prod then needs `allowed-issuers`; dev names every loopback host http://localhost:<port>)"),
    ALLOWED_ISSUERS("allowed-issuers", "",
            "with `issuer` empty: the issuers (`scheme://host[:port]`, comma- or space-separated) a request's Host may derive; "
                    + "any other Host is 400 invalid_request"),
    TRUST_FORWARDED("http.trust-forwarded-headers", "false",
            "derive the issuer from X-Forwarded-Proto/Host (only behind a proxy that sets them)"),
    DISCOVERY("discovery.enabled", "", "serve /.well-known/oauth-authorization-server; empty: on in dev, off otherwise"),
    TOKEN_TTL("token.access-token-ttl", "900s", "default access-token lifetime (`900s`, `15m`, `PT15M`)"),
    TOKEN_MAX_TTL("token.max-access-token-ttl", "1d",
            "the longest `access_token_ttl` an operator may give a client (admin API, CLI); longer is refused, and "
                    + "`token.access-token-ttl` must not exceed it"),
    TOKEN_AUDIENCE("token.audience", "", "default `aud` of access tokens; empty: the issuer"),
    CLOCK_SKEW("token.clock-skew", "60s", "tolerance for `exp`/`nbf` when verifying tokens"),
    REFRESH_IDLE_TTL("refresh-token.idle-ttl", "1d",
            "how long a refresh token stays usable unused; each rotation starts a new period"),
    REFRESH_ABSOLUTE_TTL("refresh-token.absolute-ttl", "30d",
            "how long a refresh-token family lives from its grant, however often it is rotated"),
    USERS_BCRYPT_COST("users.bcrypt-cost", "12",
            "bcrypt cost (4 to 20) of new user password hashes; each step doubles the time of a login"),
    AUTHORIZATION_CODE_TTL("authorization-code.ttl", "60s",
            "how long an authorization code may be exchanged (at most 10 minutes, RFC 6749 §4.1.2)"),
    AUTHORIZE_SESSION_KEY("authorize.session-key", "",
            "base64 key (at least 256 bits) sealing the login page's session; the same on every node; empty: random at start"),
    AUTHORIZE_SESSION_TTL("authorize.session-ttl", "10m", "how long a login page may stay open before its form is refused"),
    LOGIN_MAX_FAILURES("login.max-failures", "5", "failed logins and password grants per username and source address before they are locked out"),
    LOGIN_FAILURE_WINDOW("login.failure-window", "5m", "quiet time after which failed logins and password grants are forgotten"),
    LOGIN_LOCKOUT("login.lockout", "30s", "the first lockout; it doubles with each further failure"),
    LOGIN_MAX_LOCKOUT("login.max-lockout", "15m", "the longest lockout"),
    RATE_LIMIT_PER_ADDRESS("rate-limit.per-address", "0",
            "requests per source address per `rate-limit.window` to /token, /revoke, /introspect and the login POST; 0: unlimited"),
    RATE_LIMIT_PER_CLIENT("rate-limit.per-client", "0",
            "requests per client id per `rate-limit.window` to the same endpoints; 0: unlimited"),
    RATE_LIMIT_WINDOW("rate-limit.window", "1s", "the fixed window of both request limits"),
    RATE_LIMIT_LOCKOUT_FAILURES("rate-limit.lockout-failures", "10",
            "failed client authentications per client id and source address that lock them out for the rest of the window; 0: off"),
    RATE_LIMIT_LOCKOUT_WINDOW("rate-limit.lockout-window", "5m", "the fixed window of the client lockout"),
    SIGNING_ALGORITHM("signing.algorithm", "ES256", "ES256, RS256, EdDSA or HS256"),
    SIGNING_HS256_KEY("signing.hs256-key", "", "base64 shared key for HS256, at least 256 bits"),
    SIGNING_JWKS_FILE("signing.jwks-file", "", "JWK Set file with the private signing keys; empty: generate at start (dev)"),
    WHOAMI_SCOPE("whoami.required-scope", "", "scopes /whoami requires (space-delimited); empty: any valid token"),
    STORAGE_TYPE("storage.type", "memory", "where clients, users, codes, refresh tokens and keys live: memory, mongo or redis"),
    REVOCATION_TYPE("revocation.type", "", "where revocations live: memory or redis; empty: redis with redis storage, else memory"),
    MONGO_URI("mongo.uri", "mongodb://localhost:27017", "MongoDB connection string (replica sets: list the members and `replicaSet=`)"),
    MONGO_DATABASE("mongo.database", "portcullis", "MongoDB database name"),
    MONGO_TIMEOUT("mongo.timeout", "2s", "MongoDB connect, server-selection and socket timeout"),
    REDIS_URI("redis.uri", "redis://localhost:6379", "Redis URI: `redis://`, `rediss://` (TLS) or `redis-sentinel://`"),
    REDIS_KEY_PREFIX("redis.key-prefix", "portcullis:", "prefix of every Redis key Portcullis writes"),
    REDIS_TIMEOUT("redis.timeout", "2s", "Redis command timeout"),
    KEYS_ENCRYPTION_KEY("keys.encryption-key", "",
            "base64 256-bit key that encrypts signing keys at rest in mongo/redis; empty: a dev key (dev profile only)"),
    KEYS_ACTIVATION_DELAY("keys.activation-delay", "6m",
            "how long a rotated key is published at /jwks before it signs: at least the JWKS cache time (300 s) plus the nodes' key refresh (5 s)"),
    REVOCATION_RESYNC_INTERVAL("revocation.resync-interval", "30s",
            "how often each node compares its near-cache of revoked tokens with Redis, besides pub/sub and reconnections"),
    INTROSPECTION_SCOPE("introspection.scope", "introspect",
            "scope a resource server's bearer token needs to call /introspect (clients may authenticate with their secret instead); "
                    + "a client allowed it may introspect any token"),
    INTROSPECTION_POLICY("introspection.policy", "own-or-audience",
            "`own-or-audience`: a client may introspect only tokens issued to it or whose `aud` names it, unless it is allowed "
                    + "`introspection.scope`; `any-client`: any confidential client may introspect any token (the old behaviour)"),
    ADMIN_SCOPE("admin.scope", "admin", "scope a bearer token needs for the admin calls (/admin/clients, /admin/users, /admin/keys)"),
    LOGGING_FORMAT("logging.format", "text", "`text` (one line per record) or `json` (one JSON object per line, for every logger)"),
    LOGGING_ACCESS_LOG("logging.access-log", "false",
            "one record per HTTP request on the `portcullis.access` logger (off: load balancers usually keep one)"),
    METRICS_ENABLED("metrics.enabled", "true", "serve Prometheus metrics at /metrics"),
    METRICS_SCOPE("metrics.scope", "metrics",
            "scope a bearer token needs for /metrics on the public port (without `management.port`)"),
    MANAGEMENT_PORT("management.port", "",
            "a second port serving /metrics (no token needed) and /health/*; /metrics then leaves the public port; "
                    + "empty: off (0 picks a free one)"),
    MANAGEMENT_HOST("management.host", "", "address the management port listens on; empty: as `server.host`"),
    REGISTRATION_ENABLED("registration.enabled", "false",
            "serve dynamic client registration (RFC 7591) at /register and advertise it as registration_endpoint"),
    REGISTRATION_ALLOWED_GRANT_TYPES("registration.allowed-grant-types", "authorization_code refresh_token client_credentials",
            "grant types a client may register itself for at /register (space- or comma-separated); `password` is refused "
                    + "unless listed here (RFC 9700 §2.4)"),
    REGISTRATION_INITIAL_ACCESS_TOKEN("registration.initial-access-token", "",
            "the bearer token /register requires (at least 32 characters); required when registration is enabled");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public String environmentVariable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
