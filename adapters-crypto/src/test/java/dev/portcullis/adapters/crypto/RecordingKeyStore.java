package dev.portcullis.adapters.crypto;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key store that keeps exactly what it is given, to show what a real store would receive: its
 * {@link #stored()} keys are what would reach MongoDB or Redis. It orders keys as every store does,
 * and can be made unavailable.
 */
final class RecordingKeyStore implements KeyStore {

    private final Map<KeyId, SigningKey> keys = new LinkedHashMap<>();
    private boolean down;

    @Override
    public synchronized List<SigningKey> findAll() {
        failIfDown();
        return keys.values().stream()
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(k -> k.id().value()))
                .toList();
    }

    @Override
    public synchronized void save(SigningKey key) {
        failIfDown();
        keys.put(key.id(), key);
    }

    @Override
    public synchronized boolean delete(KeyId id) {
        failIfDown();
        return keys.remove(id) != null;
    }

    /** What the store holds, as it holds it. */
    synchronized SigningKey stored(String kid) {
        return keys.get(new KeyId(kid));
    }

    /** Replaces a stored key behind the decorator's back, as someone with access to the database could. */
    synchronized void plant(SigningKey key) {
        keys.put(key.id(), key);
    }

    synchronized void goDown() {
        down = true;
    }

    private void failIfDown() {
        if (down) {
            throw new BackendUnavailableException("recording store", new RuntimeException("down"));
        }
    }
}
