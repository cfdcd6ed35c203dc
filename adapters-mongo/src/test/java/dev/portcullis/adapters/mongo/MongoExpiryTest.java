package dev.portcullis.adapters.mongo;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.portcullis.application.port.out.contract.Codes;
import dev.portcullis.application.port.out.contract.Fixtures;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.port.out.contract.RefreshTokens;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TTL indexes are declared, but deletion is the server's business and comes late (about once a
 * minute) or, in mongo-java-server, never: expired items still in the collection are not returned.
 */
class MongoExpiryTest {

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

    private long stored(String collection, Object id) {
        return storage.collection(collection).countDocuments(Filters.eq("_id", id));
    }

    @Test
    void everyExpiringCollectionHasATtlIndexOnExpiresAt() {
        for (String collection : List.of(MongoStorage.AUTHORIZATION_CODES, MongoStorage.REFRESH_TOKENS,
                MongoStorage.REVOKED_TOKENS)) {
            List<Document> indexes = storage.collection(collection).listIndexes().into(new ArrayList<>());
            assertThat(indexes).as(collection).anySatisfy(index -> {
                assertThat(index.get("key", Document.class)).isEqualTo(new Document("expiresAt", 1));
                assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
            });
        }
        assertThat(storage.collection(MongoStorage.REFRESH_TOKENS).listIndexes().into(new ArrayList<>()))
                .anySatisfy(index -> assertThat(index.get("key", Document.class)).isEqualTo(new Document("family", 1)));
    }

    @Test
    void anExpiredCodeStillStoredIsUnknown() {
        MongoAuthorizationCodeStore codes = new MongoAuthorizationCodeStore(storage);
        AuthorizationCode code = Codes.anyCode(T0.plusSeconds(60));
        codes.save(code);

        assertThat(codes.redeem(code.hash(), T0.plusSeconds(61))).isInstanceOf(Redemption.Unknown.class);
        assertThat(stored(MongoStorage.AUTHORIZATION_CODES, code.hash().value())).isOne();
    }

    @Test
    void anExpiredRefreshTokenStillStoredIsNeitherFoundNorRotated() {
        MongoRefreshTokenStore tokens = new MongoRefreshTokenStore(storage);
        RefreshToken token = RefreshTokens.active(T0);
        tokens.save(token);
        Instant after = token.expiresAt().plusSeconds(1);
        RefreshToken successor = RefreshTokens.successorOf(token, after);

        assertThat(tokens.find(token.hash(), after)).isEmpty();
        assertThat(tokens.rotate(token.hash(), successor, after)).isInstanceOf(Rotation.Unknown.class);
        assertThat(stored(MongoStorage.REFRESH_TOKENS, token.hash().value())).isOne();
        assertThat(stored(MongoStorage.REFRESH_TOKENS, successor.hash().value())).isZero();
    }

    @Test
    void aLapsedRevocationStillStoredIsNotRevoked() {
        MutableClock clock = MutableClock.at(T0);
        MongoRevocationList revocations = new MongoRevocationList(storage, clock);
        TokenId id = Fixtures.anyTokenId();
        revocations.revoke(id, T0.plusSeconds(60));

        clock.advance(Duration.ofMinutes(5));

        assertThat(revocations.isRevoked(id)).isFalse();
        assertThat(stored(MongoStorage.REVOKED_TOKENS, id.value())).isOne();
    }

    @Test
    void aRevocationEndingBelowTheMillisecondIsKeptToTheNextOne() {
        MutableClock clock = MutableClock.at(T0);
        MongoRevocationList revocations = new MongoRevocationList(storage, clock);
        TokenId id = Fixtures.anyTokenId();
        Instant until = T0.plusSeconds(60).plusNanos(500_000);
        revocations.revoke(id, until);

        clock.set(until.minusNanos(1));
        assertThat(revocations.isRevoked(id)).isTrue();
        clock.set(T0.plusSeconds(60).plusMillis(1));
        assertThat(revocations.isRevoked(id)).isFalse();
    }
}
