package dev.portcullis.adapters.jose;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A key store in a list, standing in for the shared store: counts reads and can be made unavailable. */
final class ListKeyStore implements KeyStore {

    private final List<SigningKey> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean down;

    static ListKeyStore with(SigningKey... keys) {
        ListKeyStore store = new ListKeyStore();
        for (SigningKey key : keys) {
            store.save(key);
        }
        return store;
    }

    @Override
    public List<SigningKey> findAll() {
        reads.incrementAndGet();
        if (down) {
            throw new BackendUnavailableException("test key store", new RuntimeException("down"));
        }
        return List.copyOf(keys);
    }

    @Override
    public void save(SigningKey key) {
        keys.removeIf(k -> k.id().equals(key.id()));
        keys.add(key);
    }

    @Override
    public boolean delete(KeyId id) {
        return keys.removeIf(k -> k.id().equals(id));
    }

    int reads() {
        return reads.get();
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }
}
