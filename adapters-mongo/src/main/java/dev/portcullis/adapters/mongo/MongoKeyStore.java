package dev.portcullis.adapters.mongo;

import static dev.portcullis.adapters.mongo.Fields.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Signing keys in the {@code signing_keys} collection, keyed by key id, the private JWK encrypted
 * by {@link KeyEncryption}; the plaintext never reaches MongoDB:
 * <pre>{@code
 * { _id: "<kid>", algorithm: "ES256",
 *   privateJwk: { alg: "A256GCM", nonce: BinData(12 bytes), ciphertext: BinData },
 *   createdAt: ISODate, activatesAt: ISODate, retiresAt?: ISODate   (each with an optional ...Nanos: int) }
 * }</pre>
 */
public final class MongoKeyStore implements KeyStore {

    private static final String PRIVATE_JWK = "privateJwk";

    private final MongoCollection<Document> keys;
    private final KeyEncryption encryption;

    public MongoKeyStore(MongoStorage storage, KeyEncryption encryption) {
        this.keys = storage.collection(MongoStorage.SIGNING_KEYS);
        this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    /**
     * Every stored key, ordered by activation (then id).
     *
     * @throws KeyDecryptionException if a key was stored under another key-encryption key
     */
    @Override
    public List<SigningKey> findAll() {
        List<Document> documents = MongoStorage.call(() -> keys.find().into(new ArrayList<>()));
        return documents.stream()
                .map(this::fromDocument)
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(k -> k.id().value()))
                .toList();
    }

    @Override
    public void save(SigningKey key) {
        Document document = toDocument(key);
        MongoStorage.run(() -> keys.replaceOne(Filters.eq(ID, key.id().value()), document,
                new ReplaceOptions().upsert(true)));
    }

    @Override
    public boolean delete(KeyId id) {
        return MongoStorage.call(() -> keys.deleteOne(Filters.eq(ID, id.value())).getDeletedCount() > 0);
    }

    Document toDocument(SigningKey key) {
        KeyEncryption.Sealed sealed = encryption.seal(key.id(), key.privateJwk());
        Document document = new Document(ID, key.id().value())
                .append("algorithm", key.algorithm().name())
                .append(PRIVATE_JWK, new Document("alg", KeyEncryption.ALGORITHM)
                        .append("nonce", new Binary(sealed.nonce()))
                        .append("ciphertext", new Binary(sealed.ciphertext())));
        Fields.putInstant(document, "createdAt", key.createdAt());
        Fields.putInstant(document, "activatesAt", key.activatesAt());
        Fields.putInstant(document, "retiresAt", key.retiresAt());
        return document;
    }

    SigningKey fromDocument(Document document) {
        KeyId id;
        SigningAlgorithm algorithm;
        KeyEncryption.Sealed sealed;
        try {
            id = new KeyId(Fields.string(document, ID));
            algorithm = SigningAlgorithm.valueOf(Fields.string(document, "algorithm"));
            Document jwk = document.get(PRIVATE_JWK, Document.class);
            if (jwk == null || !KeyEncryption.ALGORITHM.equals(jwk.getString("alg"))) {
                throw new IllegalStateException("the private key is not stored encrypted with " + KeyEncryption.ALGORITHM);
            }
            sealed = new KeyEncryption.Sealed(
                    jwk.get("nonce", Binary.class).getData(), jwk.get("ciphertext", Binary.class).getData());
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored signing key " + document.get(ID) + " cannot be read", e);
        }
        String privateJwk = encryption.open(id, sealed);
        try {
            return new SigningKey(id, algorithm, privateJwk,
                    Fields.instant(document, "createdAt"),
                    Fields.instant(document, "activatesAt"),
                    Fields.optionalInstant(document, "retiresAt"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored signing key " + id + " cannot be read", e);
        }
    }
}
