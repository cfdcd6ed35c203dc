package dev.portcullis.adapters.mongo;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import dev.portcullis.application.port.out.contract.Clients;
import dev.portcullis.application.port.out.contract.Codes;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.application.port.out.contract.RefreshTokens;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.refresh.RefreshToken;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stored documents are plain and readable by hand (operators query them), and a bad one fails loudly. */
class MongoDocumentsTest {

    @RegisterExtension
    static final InProcessMongo MONGO = new InProcessMongo();

    private MongoStorage storage;

    @BeforeEach
    void createStorage() {
        storage = MONGO.freshStorage();
    }

    @AfterEach
    void dropDatabases() {
        MONGO.dropDatabases();
    }

    private Document stored(String collection, String id) {
        return storage.collection(collection).find(Filters.eq("_id", id)).first();
    }

    @Test
    void aClientIsStoredWithWireNamesAndAnIsoLifetime() {
        new MongoClientRepository(storage).save(Clients.fullyLoaded("myapp"));

        Document client = stored(MongoStorage.CLIENTS, "myapp");
        assertThat(client.getList("authMethods", String.class)).containsExactly("client_secret_post");
        assertThat(client.getList("grantTypes", String.class))
                .containsExactly("authorization_code", "client_credentials", "password", "refresh_token");
        assertThat(client.getString("accessTokenTtl")).isEqualTo("PT5M0.25S");
        assertThat(client.getString("secretHash")).startsWith("$sha256$");
        assertThat(client.getList("allowedScopes", String.class)).containsExactly("admin:users", "orders.read", "read", "write");
    }

    @Test
    void aPublicClientHasNoSecretField() {
        new MongoClientRepository(storage).save(Clients.publicClient("spa").build());

        Document client = stored(MongoStorage.CLIENTS, "spa");
        assertThat(client).doesNotContainKey("secretHash").doesNotContainKey("accessTokenTtl");
    }

    @Test
    void codesAndRefreshTokensCarryADateForTheTtlIndex() {
        AuthorizationCode code = Codes.anyCode(T0.plusSeconds(60));
        new MongoAuthorizationCodeStore(storage).save(code);
        RefreshToken token = RefreshTokens.active(T0);
        new MongoRefreshTokenStore(storage).save(token);

        Document storedCode = stored(MongoStorage.AUTHORIZATION_CODES, code.hash().value());
        assertThat(storedCode.get("expiresAt")).isEqualTo(Date.from(T0.plusSeconds(60)));
        assertThat(storedCode).doesNotContainKey("expiresAtNanos");
        assertThat(storedCode.getBoolean("redeemed")).isFalse();
        Document storedToken = stored(MongoStorage.REFRESH_TOKENS, token.hash().value());
        assertThat(storedToken.get("expiresAt")).isEqualTo(Date.from(token.expiresAt()));
        assertThat(storedToken.getString("state")).isEqualTo("ACTIVE");
        assertThat(storedToken.getString("family")).isEqualTo(token.family().value());
    }

    @Test
    void aDocumentTheAdapterCannotReadFailsLoudlyRatherThanVanishing() {
        storage.collection(MongoStorage.CLIENTS).insertOne(new Document("_id", "broken")
                .append("authMethods", List.of("client_secret_jwt")).append("grantTypes", List.of())
                .append("allowedScopes", List.of()).append("defaultScopes", List.of()).append("audience", List.of())
                .append("redirectUris", List.of()).append("secretHash", "$sha256$abcdefgh"));

        assertThatThrownBy(() -> new MongoClientRepository(storage).findById(new ClientId("broken")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stored client broken cannot be read");
    }

    @Test
    void aSigningKeyIsOneDocumentHoldingThePrivateJwkStringAsGiven() {
        // bootstrap hands this store keys whose JWK EncryptingKeyStore has already encrypted
        SigningKey key = new SigningKey(new KeyId("key-1"), SigningAlgorithm.ES256, "enc:A256GCM:bm9uY2U:Y2lwaGVy",
                T0, T0.plusSeconds(60), Optional.of(T0.plusSeconds(3600)));

        new MongoKeyStore(storage).save(key);

        Document stored = stored(MongoStorage.SIGNING_KEYS, "key-1");
        assertThat(stored.getString("privateJwk")).isEqualTo("enc:A256GCM:bm9uY2U:Y2lwaGVy");
        assertThat(stored.getString("algorithm")).isEqualTo("ES256");
        assertThat(stored.get("activatesAt")).isEqualTo(Date.from(T0.plusSeconds(60)));
        assertThat(stored.get("retiresAt")).isEqualTo(Date.from(T0.plusSeconds(3600)));
    }

    @Test
    void anUnreadableKeyDocumentFailsNamingTheKeyButNotQuotingIt() {
        storage.collection(MongoStorage.SIGNING_KEYS).insertOne(new Document("_id", "odd").append("algorithm", "ES256")
                .append("privateJwk", new Document("d", Keys.privatePart("odd"))).append("createdAt", new Date())
                .append("activatesAt", new Date()));

        assertThatThrownBy(() -> new MongoKeyStore(storage).findAll())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stored signing key odd cannot be read")
                .hasMessageNotContaining(Keys.privatePart("odd"));
    }
}
