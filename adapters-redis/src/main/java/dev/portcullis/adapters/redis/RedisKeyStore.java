package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Signing keys as the fields of one Redis hash, {@code <prefix>keys}: kid → encoded key, whose
 * private JWK is sealed with AES-256-GCM under the key-encryption key (see {@link KeyEncryption}).
 * Keys carry no TTL: retiring and deleting them is the key-rotation service's decision.
 */
public final class RedisKeyStore implements KeyStore {

    private static final String VERSION = "key1";

    private final RedisBackend redis;
    private final KeyEncryption encryption;
    private final String hashKey;

    /** @param keyEncryptionKey 32 bytes (AES-256); copied, so the caller may wipe its array */
    public RedisKeyStore(RedisBackend redis, byte[] keyEncryptionKey) {
        this.redis = redis;
        this.encryption = new KeyEncryption(keyEncryptionKey);
        this.hashKey = redis.key("keys");
    }

    @Override
    public List<SigningKey> findAll() {
        Map<String, String> all = redis.call(() -> redis.commands().hgetall(hashKey));
        return all.values().stream()
                .map(this::decode)
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(k -> k.id().value()))
                .toList();
    }

    @Override
    public void save(SigningKey key) {
        String encoded = Doc.write(VERSION)
                .put(key.id().value())
                .put(key.algorithm().name())
                .put(encryption.seal(key.id().value(), key.privateJwk()))
                .put(key.createdAt())
                .put(key.activatesAt())
                .put(key.retiresAt().map(Doc::instant))
                .encode();
        redis.run(() -> redis.commands().hset(hashKey, key.id().value(), encoded));
    }

    @Override
    public boolean delete(KeyId id) {
        return redis.call(() -> redis.commands().hdel(hashKey, id.value())) > 0;
    }

    private SigningKey decode(String encoded) {
        KeyId id;
        SigningAlgorithm algorithm;
        String sealed;
        Doc.Reader r;
        try {
            r = Doc.read(encoded, VERSION);
            id = new KeyId(r.next());
            algorithm = SigningAlgorithm.valueOf(r.next());
            sealed = r.next();
        } catch (RuntimeException e) {
            throw Doc.corrupt(e);
        }
        String jwk = encryption.open(id.value(), sealed);
        try {
            SigningKey key = new SigningKey(id, algorithm, jwk, r.nextInstant(), r.nextInstant(), r.nextOptional().map(Doc::instant));
            r.end();
            return key;
        } catch (RuntimeException e) {
            throw Doc.corrupt(e);
        }
    }
}
