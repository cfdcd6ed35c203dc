package dev.portcullis.application.port.out.contract;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signing keys in a map, standing in for the shared store in tests of what uses the port: it passes
 * {@link KeyStoreContract}. Counts reads, and {@link #goDown()} makes reads fail as a store outage does.
 */
public final class ListKeyStore implements KeyStore {

    private final Map<KeyId, SigningKey> keys = new LinkedHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean down;

    public static ListKeyStore with(SigningKey... keys) {
        ListKeyStore store = new ListKeyStore();
        for (SigningKey key : keys) {
            store.save(key);
        }
        return store;
    }

    @Override
    public synchronized List<SigningKey> findAll() {
        reads.incrementAndGet();
        if (down) {
            throw new BackendUnavailableException("test key store", new RuntimeException("down"));
        }
        // the sort is stable: keys activating together keep the order they were first saved in
        return keys.values().stream().sorted(Comparator.comparing(SigningKey::activatesAt)).toList();
    }

    @Override
    public synchronized void save(SigningKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public synchronized boolean delete(KeyId id) {
        return keys.remove(id) != null;
    }

    /** The key stored under {@code id}, without counting a read. */
    public synchronized Optional<SigningKey> stored(KeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** How many times {@link #findAll()} was called. */
    public int reads() {
        return reads.get();
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }
}
