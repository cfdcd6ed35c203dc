package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Signing keys as the fields of one Redis hash, {@code <prefix>keys}: kid → encoded key. The private
 * JWK is stored as given: encryption at rest is the job of the decorator bootstrap wraps this store in
 * ({@code EncryptingKeyStore}), so the string that arrives here is already {@code enc:A256GCM:...}.
 * Keys carry no TTL: retiring and deleting them is the key-rotation service's decision.
 */
public final class RedisKeyStore implements KeyStore {

    private static final String VERSION = "key1";

    private final RedisBackend redis;
    private final String hashKey;

    public RedisKeyStore(RedisBackend redis) {
        this.redis = redis;
        this.hashKey = redis.key("keys");
    }

    @Override
    public List<SigningKey> findAll() {
        Map<String, String> all = redis.call(() -> redis.commands().hgetall(hashKey));
        return all.values().stream()
                .map(RedisKeyStore::decode)
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(k -> k.id().value()))
                .toList();
    }

    /** One HSET of one field: the key is stored whole or not at all. */
    @Override
    public void save(SigningKey key) {
        String encoded = Doc.write(VERSION)
                .put(key.id().value())
                .put(key.algorithm().name())
                .put(key.privateJwk())
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

    private static SigningKey decode(String encoded) {
        try {
            Doc.Reader r = Doc.read(encoded, VERSION);
            SigningKey key = new SigningKey(new KeyId(r.next()), SigningAlgorithm.valueOf(r.next()), r.next(),
                    r.nextInstant(), r.nextInstant(), r.nextOptional().map(Doc::instant));
            r.end();
            return key;
        } catch (RuntimeException e) {
            throw Doc.corrupt(e);
        }
    }
}
