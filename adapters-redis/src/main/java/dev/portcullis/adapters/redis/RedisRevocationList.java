package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.domain.token.TokenId;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Revoked access tokens, shared through Redis and answered from a near-cache on every node.
 *
 * <p><b>Durable.</b> One string key per revoked token, {@code <prefix>revoked:<jti>}, holding the instant
 * until which it is revoked and expiring then. {@link #revoke} runs one Lua script that keeps the later of
 * two revocations, SETs the key and PUBLISHes {@code "<until> <jti>"} on {@code <prefix>revocations}, and
 * returns only after Redis replied: an acknowledged revocation is in Redis (add {@code WAIT} or AOF for the
 * durability wanted), and every connected node is told in the same step.
 *
 * <p><b>Near-cache.</b> Each node keeps a map jti → until, so {@link #isRevoked} asks no network:
 * <ul>
 *   <li>filled at start (SCAN of the revocation keys), after subscribing, so nothing falls in between;</li>
 *   <li>kept current by the pub/sub messages of every node, and by this node's own revocations at once;</li>
 *   <li>resynchronised every {@code resyncInterval} and whenever the subscription is (re-)established,
 *       e.g. after Redis or the network came back, since messages published meanwhile are lost;</li>
 *   <li>a resync only ever adds: a revocation is never taken back before it ends. Entries this node holds
 *       that Redis lacks (Redis restarted without persistence, or failed over to a replica that lagged)
 *       are written back, so a revocation survives as long as one node remembers it;</li>
 *   <li>entries are pruned once they end.</li>
 * </ul>
 *
 * <p><b>Redis down.</b> {@link #revoke} throws {@link BackendUnavailableException} (it cannot promise
 * durability, the edge answers 503); {@link #isRevoked} keeps answering from the near-cache; the node
 * resynchronises when the subscription comes back.
 */
public final class RedisRevocationList implements RevocationList, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisRevocationList.class.getName());

    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofSeconds(30);

    /** Entries ending sooner than this are not written back: Redis may just have expired them first. */
    private static final Duration WRITE_BACK_MIN_REMAINING = Duration.ofSeconds(1);

    private static final int SCAN_PAGE = 1000;

    /** A failed resync is retried after this, doubling up to {@link #MAX_RETRY_DELAY}: the connections reconnect on their own schedules. */
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(50);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(2);

    /**
     * KEYS: the jti key. ARGV: until s, until ns, until encoded, ttl ms, channel, jti.
     * Keeps the later of two revocations; publishes only what it stored.
     */
    private static final RedisScript REVOKE = new RedisScript(RedisScript.AT_OR_AFTER + """
            local cur = redis.call('GET', KEYS[1])
            if cur then
              local s, n = string.match(cur, '^(-?%d+)%.(%d+)$')
              if s and at_or_after(s, n, ARGV[1], ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
            redis.call('PUBLISH', ARGV[5], ARGV[3] .. ' ' .. ARGV[6])
            return 1
            """);

    private final RedisBackend redis;
    private final Clock clock;
    private final String keyPrefix;
    private final String channel;
    private final ConcurrentHashMap<TokenId, Instant> nearCache = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sync;
    private final AtomicBoolean resyncQueued = new AtomicBoolean();
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile Instant lastResync = Instant.EPOCH;
    private volatile boolean resyncFailing;
    private volatile Duration retryDelay = FIRST_RETRY_DELAY;

    /** With {@link #DEFAULT_RESYNC_INTERVAL}. */
    public RedisRevocationList(RedisBackend redis, Clock clock) {
        this(redis, clock, DEFAULT_RESYNC_INTERVAL);
    }

    /**
     * Subscribes, fills the near-cache from Redis, and starts the periodic resync.
     *
     * @param clock          the application's clock: a revocation ends when it reaches {@code until}
     * @param resyncInterval how often the near-cache is compared with Redis, besides pub/sub
     * @throws BackendUnavailableException when Redis cannot be subscribed to or scanned now
     */
    public RedisRevocationList(RedisBackend redis, Clock clock, Duration resyncInterval) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(resyncInterval, "resyncInterval");
        if (resyncInterval.isNegative() || resyncInterval.isZero()) {
            throw new IllegalArgumentException("the resync interval must be positive");
        }
        this.keyPrefix = redis.key("revoked:");
        this.channel = redis.key("revocations");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "portcullis-revocation-sync");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.sync = executor;
        StatefulRedisPubSubConnection<String, String> connection = null;
        try {
            connection = redis.connectPubSub();
            connection.addListener(new Listener());
            StatefulRedisPubSubConnection<String, String> subscribing = connection;
            redis.run(() -> subscribing.sync().subscribe(channel));
            this.pubSub = connection;
            resync();
        } catch (RuntimeException e) {
            executor.shutdownNow();
            if (connection != null) {
                connection.close();
            }
            throw e;
        }
        long every = resyncInterval.toMillis();
        sync.scheduleWithFixedDelay(this::queuedResync, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void revoke(TokenId id, Instant until) {
        if (!clock.instant().isBefore(until)) {
            return;
        }
        store(id, until);
        remember(id, until);
    }

    /** From the near-cache only: no network round trip, and an answer even while Redis is down. */
    @Override
    public boolean isRevoked(TokenId id) {
        Instant until = nearCache.get(id);
        return until != null && clock.instant().isBefore(until);
    }

    /** Stops listening and resynchronising. The backend stays open: it belongs to the caller. */
    @Override
    public void close() {
        sync.shutdownNow();
        pubSub.close();
    }

    /** When the near-cache last matched Redis: for health output and tests. */
    public Instant lastResync() {
        return lastResync;
    }

    /** How many revocations this node holds now (ended ones until the next prune). */
    int nearCacheSize() {
        return nearCache.size();
    }

    /**
     * Compares the near-cache with Redis now, on the caller's thread: adds what Redis has, writes back
     * what only this node has, prunes what has ended.
     *
     * @throws BackendUnavailableException when Redis cannot be scanned
     */
    void resync() {
        Instant now = clock.instant();
        Map<TokenId, Instant> stored = scan();
        stored.forEach((id, until) -> {
            if (now.isBefore(until)) {
                remember(id, until);
            }
        });
        int restored = 0;
        for (Map.Entry<TokenId, Instant> entry : nearCache.entrySet()) {
            TokenId id = entry.getKey();
            Instant until = entry.getValue();
            if (!now.isBefore(until)) {
                nearCache.remove(id, until);
                continue;
            }
            Instant inRedis = stored.get(id);
            if ((inRedis == null || inRedis.isBefore(until))
                    && Duration.between(now, until).compareTo(WRITE_BACK_MIN_REMAINING) > 0) {
                store(id, until);
                restored++;
            }
        }
        if (restored > 0) {
            LOG.log(Level.WARNING, "{0} revocations this node holds were missing from Redis and were written back", restored);
        }
        lastResync = now;
        if (resyncFailing) {
            resyncFailing = false;
            LOG.log(Level.INFO, "revocations resynchronised with Redis ({0} held)", nearCache.size());
        }
    }

    /** Asks for a resync on the sync thread after {@code delay}; several requests before it runs make one. */
    private void requestResync(Duration delay) {
        if (resyncQueued.compareAndSet(false, true)) {
            try {
                sync.schedule(this::queuedResync, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                resyncQueued.set(false);
            }
        }
    }

    /**
     * Runs on the sync thread. A failure is retried soon, with back-off, not at the next period: the
     * subscription may be back before the command connection, and messages were missed meanwhile.
     */
    private void queuedResync() {
        resyncQueued.set(false);
        try {
            resync();
            retryDelay = FIRST_RETRY_DELAY;
        } catch (RuntimeException e) {
            if (!resyncFailing) {
                resyncFailing = true;
                LOG.log(Level.WARNING, "cannot resynchronise revocations with Redis; answering from the {0} held: {1}",
                        nearCache.size(), e instanceof BackendUnavailableException ? String.valueOf(e.getCause()) : e);
            }
            Duration delay = retryDelay;
            Duration doubled = delay.multipliedBy(2);
            retryDelay = doubled.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : doubled;
            requestResync(delay);
        }
    }

    private void store(TokenId id, Instant until) {
        String ttl = Long.toString(Ttl.millisUntil(until, clock));
        redis.run(() -> REVOKE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {keyPrefix + id.value()},
                Long.toString(until.getEpochSecond()), Integer.toString(until.getNano()), Doc.instant(until), ttl,
                channel, id.value()));
    }

    private void remember(TokenId id, Instant until) {
        nearCache.merge(id, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Every revocation in Redis now, page by page (SCAN + MGET): never one huge reply. */
    private Map<TokenId, Instant> scan() {
        Map<TokenId, Instant> found = new HashMap<>();
        ScanArgs args = ScanArgs.Builder.matches(globEscape(keyPrefix) + "*").limit(SCAN_PAGE);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = redis.call(() -> redis.commands().scan(from, args));
            List<String> keys = page.getKeys();
            if (!keys.isEmpty()) {
                List<KeyValue<String, String>> values = redis.call(() -> redis.commands().mget(keys.toArray(String[]::new)));
                for (KeyValue<String, String> kv : values) {
                    if (kv.hasValue()) {
                        parse(kv.getKey().substring(keyPrefix.length()), kv.getValue(), found);
                    }
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }

    private static void parse(String jti, String until, Map<TokenId, Instant> into) {
        try {
            into.merge(new TokenId(jti), Doc.instant(until), (a, b) -> a.isAfter(b) ? a : b);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring a malformed revocation entry in Redis: {0}", e.getClass().getSimpleName());
        }
    }

    /** The prefix as a literal in a SCAN MATCH pattern. */
    static String globEscape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Pub/sub events arrive on a Lettuce I/O thread: only cheap work here, the rest on the sync thread. */
    private final class Listener extends RedisPubSubAdapter<String, String> {

        @Override
        public void message(String from, String message) {
            if (!channel.equals(from)) {
                return;
            }
            int space = message.indexOf(' ');
            if (space < 0) {
                LOG.log(Level.WARNING, "ignoring a malformed revocation message");
                return;
            }
            try {
                remember(new TokenId(message.substring(space + 1)), Doc.instant(message.substring(0, space)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ignoring a malformed revocation message: {0}", e.getClass().getSimpleName());
            }
        }

        /** Called for the first subscription and again after every reconnection: messages may have been missed. */
        @Override
        public void subscribed(String subscribedTo, long count) {
            if (channel.equals(subscribedTo)) {
                requestResync(Duration.ZERO);
            }
        }
    }
}
