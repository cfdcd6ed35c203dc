package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Signing keys held by this process only: fine for one node, lost at restart. */
public final class InMemoryKeyStore implements KeyStore {

    private final ConcurrentMap<KeyId, SigningKey> keys = new ConcurrentHashMap<>();

    @Override
    public List<SigningKey> findAll() {
        return keys.values().stream().sorted(Comparator.comparing(SigningKey::activatesAt)).toList();
    }

    @Override
    public void save(SigningKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public boolean delete(KeyId id) {
        return keys.remove(id) != null;
    }
}
