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
import org.bson.Document;

/**
 * Signing keys in the {@code signing_keys} collection, keyed by key id:
 * <pre>{@code
 * { _id: "<kid>", algorithm: "ES256", privateJwk: "<as given>",
 *   createdAt: ISODate, activatesAt: ISODate, retiresAt?: ISODate   (each with an optional ...Nanos: int) }
 * }</pre>
 * The private JWK is stored as given: encryption at rest is the job of the decorator bootstrap wraps
 * this store in ({@code EncryptingKeyStore}), so the string that arrives here is already
 * {@code enc:A256GCM:...}.
 */
public final class MongoKeyStore implements KeyStore {

    private static final String PRIVATE_JWK = "privateJwk";

    private final MongoCollection<Document> keys;

    public MongoKeyStore(MongoStorage storage) {
        this.keys = storage.collection(MongoStorage.SIGNING_KEYS);
    }

    /** Every stored key, ordered by activation (then id). */
    @Override
    public List<SigningKey> findAll() {
        List<Document> documents = MongoStorage.call(() -> keys.find().into(new ArrayList<>()));
        return documents.stream()
                .map(MongoKeyStore::fromDocument)
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(k -> k.id().value()))
                .toList();
    }

    /** One upsert of one document: the key is stored whole or not at all. */
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

    static Document toDocument(SigningKey key) {
        Document document = new Document(ID, key.id().value())
                .append("algorithm", key.algorithm().name())
                .append(PRIVATE_JWK, key.privateJwk());
        Fields.putInstant(document, "createdAt", key.createdAt());
        Fields.putInstant(document, "activatesAt", key.activatesAt());
        Fields.putInstant(document, "retiresAt", key.retiresAt());
        return document;
    }

    static SigningKey fromDocument(Document document) {
        try {
            return new SigningKey(new KeyId(Fields.string(document, ID)),
                    SigningAlgorithm.valueOf(Fields.string(document, "algorithm")),
                    Fields.string(document, PRIVATE_JWK),
                    Fields.instant(document, "createdAt"),
                    Fields.instant(document, "activatesAt"),
                    Fields.optionalInstant(document, "retiresAt"));
        } catch (RuntimeException e) {
            // never chain the document into the message: it holds the (encrypted) key
            throw new IllegalStateException("stored signing key " + document.get(ID) + " cannot be read", e);
        }
    }
}
