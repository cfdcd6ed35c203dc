package dev.portcullis.adapters.jose;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's view of the shared signing keys, parsed and ready to use. Other nodes rotate keys
 * in the shared {@link KeyStore}, so the view is reloaded at most every {@code refreshInterval}
 * (or on {@link #refresh()}); between reloads the hot path reads one volatile field. A key whose
 * material did not change is never parsed again.
 *
 * <p>Failures: if the store cannot answer on a reload, the last view stays in use (keys are
 * still checked against their own dates, so a retirement still takes effect on time); if it
 * cannot answer the very first load, the exception propagates. A key that cannot be parsed is
 * left out and logged once, so one bad key does not stop the others from signing.
 */
final class KeyRing {

    private static final System.Logger LOG = System.getLogger(KeyRing.class.getName());

    /** How often an unknown {@code kid} may send us back to the store: random kids must not flood it. */
    static final Duration UNKNOWN_KID_RELOAD_GAP = Duration.ofSeconds(1);

    /** The newest active key signs; ties go to the newest created, then to the smallest kid, the same on every node. */
    private static final Comparator<LoadedKey> NEWEST_FIRST = Comparator
            .comparing((LoadedKey k) -> k.key().activatesAt()).reversed()
            .thenComparing(Comparator.comparing((LoadedKey k) -> k.key().createdAt()).reversed())
            .thenComparing(k -> k.key().id().value());

    /**
     * @param generation changes exactly when the set of keys or their dates change
     * @param rejected keys that could not be parsed, remembered so they are logged once
     */
    record Snapshot(List<LoadedKey> newestFirst, Map<KeyId, LoadedKey> byId, Set<SigningKey> rejected,
            List<SigningKey> source, long generation, Instant loadedAt) {

        /** The key that signs at {@code now}: the newest that is active. */
        Optional<LoadedKey> signingKeyAt(Instant now) {
            for (LoadedKey k : newestFirst) {
                if (k.key().canSignAt(now)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        Snapshot reloadedAt(Instant when) {
            return new Snapshot(newestFirst, byId, rejected, source, generation, when);
        }
    }

    private final KeyStore store;
    private final Clock clock;
    private final CryptoProviders crypto;
    private final Duration refreshInterval;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot snapshot;

    KeyRing(KeyStore store, Clock clock, CryptoProviders crypto, Duration refreshInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("refreshInterval must not be negative");
        }
    }

    /** The current view; reloads it first when it is older than the refresh interval. */
    Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            return refresh();
        }
        Instant now = clock.instant();
        // tryLock: one thread reloads, the others carry on with the view they have.
        if (!now.isBefore(s.loadedAt().plus(refreshInterval)) && reloading.tryLock()) {
            try {
                return reload(now);
            } finally {
                reloading.unlock();
            }
        }
        return s;
    }

    /** Reloads now, waiting for a reload in progress. */
    Snapshot refresh() {
        reloading.lock();
        try {
            return reload(clock.instant());
        } finally {
            reloading.unlock();
        }
    }

    /**
     * The key with this id. An unknown id may be a key another node has just created, so the
     * store is asked again, but at most once per {@link #UNKNOWN_KID_RELOAD_GAP}.
     */
    Optional<LoadedKey> find(KeyId id) {
        Snapshot s = current();
        LoadedKey found = s.byId().get(id);
        if (found != null) {
            return Optional.of(found);
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.loadedAt().plus(UNKNOWN_KID_RELOAD_GAP)) && reloading.tryLock()) {
            try {
                s = reload(now);
            } finally {
                reloading.unlock();
            }
        }
        return Optional.ofNullable(s.byId().get(id));
    }

    /** Runs under {@link #reloading}. */
    private Snapshot reload(Instant now) {
        Snapshot previous = snapshot;
        List<SigningKey> keys;
        try {
            keys = List.copyOf(store.findAll());
        } catch (RuntimeException e) {
            if (previous == null) {
                throw e;
            }
            LOG.log(Level.WARNING, "cannot reload signing keys, keeping the {0} loaded before: {1}",
                    previous.byId().size(), String.valueOf(e));
            return publish(previous.reloadedAt(now));
        }
        if (previous != null && previous.source().equals(keys)) {
            return publish(previous.reloadedAt(now));
        }
        return publish(parse(keys, previous, now));
    }

    private Snapshot parse(List<SigningKey> keys, Snapshot previous, Instant now) {
        List<LoadedKey> loaded = new ArrayList<>(keys.size());
        Set<SigningKey> rejected = new HashSet<>();
        for (SigningKey key : keys) {
            LoadedKey before = previous == null ? null : previous.byId().get(key.id());
            if (before != null && before.sameMaterialAs(key)) {
                loaded.add(before.key().equals(key) ? before : before.withKey(key));
                continue;
            }
            if (previous != null && previous.rejected().contains(key)) {
                rejected.add(key);
                continue;
            }
            try {
                loaded.add(LoadedKey.load(key, crypto));
            } catch (RuntimeException e) {
                // Usually an IllegalArgumentException naming the fault; anything else must not stop the other keys either.
                rejected.add(key);
                LOG.log(Level.ERROR, "signing key left out: {0}", e instanceof IllegalArgumentException
                        ? e.getMessage() : "key " + key.id() + ": " + e);
            }
        }
        loaded.sort(NEWEST_FIRST);
        Map<KeyId, LoadedKey> byId = new HashMap<>();
        for (LoadedKey k : loaded) {
            if (byId.putIfAbsent(k.key().id(), k) != null) {
                LOG.log(Level.ERROR, "the key store holds key {0} twice; using the newest", k.key().id());
            }
        }
        long generation = previous == null ? 1 : previous.generation() + 1;
        LOG.log(Level.DEBUG, "loaded {0} signing keys (generation {1})", loaded.size(), generation);
        return new Snapshot(List.copyOf(loaded), Map.copyOf(byId), Set.copyOf(rejected), keys, generation, now);
    }

    private Snapshot publish(Snapshot s) {
        snapshot = s;
        return s;
    }
}
