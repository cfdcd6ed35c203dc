package dev.portcullis.adapters.mongo;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.domain.key.SigningKey;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Private keys reach MongoDB only encrypted, and a store opened with the wrong key-encryption key says so. */
class MongoKeyStoreEncryptionTest {

    @RegisterExtension
    static final InProcessMongo MONGO = new InProcessMongo();

    private MongoStorage storage;
    private MongoKeyStore store;
    private MongoCollection<Document> raw;

    @BeforeEach
    void createStore() {
        storage = MONGO.freshStorage();
        store = new MongoKeyStore(storage, new KeyEncryption(MongoTarget.TEST_KEK));
        raw = storage.collection(MongoStorage.SIGNING_KEYS);
    }

    @AfterEach
    void dropDatabases() {
        MONGO.dropDatabases();
    }

    private Document stored(String kid) {
        return raw.find(Filters.eq("_id", kid)).first();
    }

    @Test
    void theStoredDocumentNeverContainsThePlaintextKey() {
        SigningKey key = Keys.es256("key-1", T0);

        store.save(key);

        Document document = stored("key-1");
        assertThat(document.toJson()).doesNotContain(Keys.privatePart("key-1")).doesNotContain(key.privateJwk())
                .doesNotContain("\"kty\"");
        Document sealed = document.get("privateJwk", Document.class);
        assertThat(sealed.getString("alg")).isEqualTo("A256GCM");
        assertThat(sealed.get("nonce", Binary.class).getData()).hasSize(12);
        assertThat(new String(sealed.get("ciphertext", Binary.class).getData(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(Keys.privatePart("key-1"));
        assertThat(store.findAll()).containsExactly(key);
    }

    @Test
    void everyWriteUsesAFreshNonce() {
        SigningKey key = Keys.es256("key-1", T0);
        store.save(key);
        byte[] first = stored("key-1").get("privateJwk", Document.class).get("nonce", Binary.class).getData();

        store.save(key.retiringAt(T0.plusSeconds(3600)));

        byte[] second = stored("key-1").get("privateJwk", Document.class).get("nonce", Binary.class).getData();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aStoreWithTheWrongKeyEncryptionKeyFailsClearlyInsteadOfFindingNoKeys() {
        store.save(Keys.es256("key-1", T0));
        byte[] wrong = MongoTarget.TEST_KEK.clone();
        wrong[31] ^= 0x55;
        MongoKeyStore misconfigured = new MongoKeyStore(storage, new KeyEncryption(wrong));

        assertThatThrownBy(misconfigured::findAll)
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("signing key key-1 cannot be decrypted");
    }

    @Test
    void aPrivateKeyCopiedOntoAnotherKeysDocumentDoesNotDecrypt() {
        store.save(Keys.es256("key-1", T0));
        store.save(Keys.es256("key-2", T0.plusSeconds(1)));

        raw.updateOne(Filters.eq("_id", "key-2"),
                new Document("$set", new Document("privateJwk", stored("key-1").get("privateJwk"))));

        assertThatThrownBy(store::findAll)
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("key-2");
    }

    @Test
    void aPlaintextKeyPlantedInTheCollectionIsRefused() {
        raw.insertOne(new Document("_id", "planted").append("algorithm", "ES256")
                .append("privateJwk", Keys.jwk("planted", "EC")).append("createdAt", new java.util.Date())
                .append("activatesAt", new java.util.Date()));

        assertThatThrownBy(store::findAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("planted");
    }
}
