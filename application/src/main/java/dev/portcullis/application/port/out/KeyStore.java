package dev.portcullis.application.port.out;

import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.util.List;

/** The shared set of signing keys, private parts included (adapters keep them encrypted at rest). */
public interface KeyStore {

    List<SigningKey> findAll();

    /** Inserts the key, or replaces the one with the same id (e.g. to schedule its retirement). */
    void save(SigningKey key);

    boolean delete(KeyId id);
}
