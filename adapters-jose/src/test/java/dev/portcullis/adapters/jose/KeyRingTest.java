package dev.portcullis.adapters.jose;

import static dev.portcullis.domain.key.SigningAlgorithm.ES256;
import static dev.portcullis.domain.key.SigningAlgorithm.EdDSA;
import static dev.portcullis.domain.key.SigningAlgorithm.RS256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.at(NOW);

    private KeyRing ringOver(ListKeyStore store) {
        return new KeyRing(store, clock, CryptoProviders.detect(), REFRESH);
    }

    @Test
    void doesNotParseAKeyAgainWhileItsMaterialIsUnchanged() {
        SigningKey key = TestKeys.key(ES256, NOW);
        ListKeyStore store = ListKeyStore.with(key);
        KeyRing ring = ringOver(store);
        LoadedKey before = ring.current().byId().get(key.id());

        store.save(TestKeys.key(EdDSA, NOW));
        ring.refresh();
        assertThat(ring.current().byId().get(key.id())).isSameAs(before);

        store.save(key.retiringAt(NOW.plus(Duration.ofDays(1))));
        ring.refresh();
        LoadedKey rescheduled = ring.current().byId().get(key.id());
        assertThat(rescheduled.key().retiresAt()).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(rescheduled.signer()).isSameAs(before.signer());
    }

    @Test
    void changesGenerationOnlyWhenTheKeysChange() {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(ES256, NOW));
        KeyRing ring = ringOver(store);
        long first = ring.current().generation();

        ring.refresh();
        assertThat(ring.current().generation()).isEqualTo(first);

        store.save(TestKeys.key(ES256, NOW));
        ring.refresh();
        assertThat(ring.current().generation()).isNotEqualTo(first);
    }

    @Test
    void leavesOutAKeyItCannotUseAndKeepsSigningWithTheOthers() {
        SigningKey good = TestKeys.key(ES256, NOW.minus(Duration.ofHours(1)));
        SigningKey notJson = new SigningKey(new KeyId("broken"), ES256, "{not json", NOW, NOW, Optional.empty());
        JWK publicJwk = TestKeys.jwk(TestKeys.key(ES256, NOW)).toPublicJWK();
        SigningKey publicOnly = new SigningKey(new KeyId(publicJwk.getKeyID()), ES256, publicJwk.toJSONString(), NOW, NOW,
                Optional.empty());
        SigningKey es256 = TestKeys.key(ES256, NOW);
        SigningKey wrongAlgorithm = new SigningKey(es256.id(), RS256, es256.privateJwk(), NOW, NOW, Optional.empty());

        KeyRing ring = ringOver(ListKeyStore.with(good, notJson, publicOnly, wrongAlgorithm));

        assertThat(ring.current().byId()).containsOnlyKeys(good.id());
        assertThat(ring.current().signingKeyAt(NOW)).map(k -> k.key().id()).contains(good.id());
    }

    @Test
    void leavesOutAKeyWhosePublicPartIsNotItsOwn() {
        ECKey mine = (ECKey) TestKeys.jwk(TestKeys.key(ES256, NOW));
        ECKey other = (ECKey) TestKeys.jwk(TestKeys.key(ES256, NOW));
        ECKey spliced = new ECKey.Builder(other.getCurve(), other.getX(), other.getY()).d(mine.getD()).build();
        SigningKey key = new SigningKey(new KeyId("spliced"), ES256, spliced.toJSONString(), NOW, NOW, Optional.empty());

        assertThat(ringOver(ListKeyStore.with(key)).current().byId()).isEmpty();
    }

    @Test
    void aKidInsideTheJwkMustMatchTheKeysId() {
        SigningKey generated = TestKeys.key(ES256, NOW);
        SigningKey mislabelled = new SigningKey(new KeyId("another-id"), ES256, generated.privateJwk(), NOW, NOW,
                Optional.empty());

        assertThat(ringOver(ListKeyStore.with(mislabelled)).current().byId()).isEmpty();
    }

    @Test
    void keepsTheKeysItHasWhenTheStoreCannotAnswerAReload() {
        SigningKey key = TestKeys.key(ES256, NOW);
        ListKeyStore store = ListKeyStore.with(key);
        KeyRing ring = ringOver(store);
        ring.current();

        store.goDown();
        clock.advance(REFRESH);

        assertThat(ring.current().byId()).containsOnlyKeys(key.id());
        assertThat(store.reads()).isEqualTo(2);
        // and does not ask again on every call while it is down
        ring.current();
        assertThat(store.reads()).isEqualTo(2);
    }

    @Test
    void aStoreThatCannotAnswerTheFirstLoadIsAFailure() {
        ListKeyStore store = new ListKeyStore();
        store.goDown();

        assertThatThrownBy(() -> ringOver(store).current()).isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    void amongKeysActivatingTogetherTheChoiceIsTheSameOnEveryNode() {
        SigningKey a = TestKeys.key(ES256, NOW);
        SigningKey b = TestKeys.key(ES256, NOW);
        String smallerKid = a.id().value().compareTo(b.id().value()) < 0 ? a.id().value() : b.id().value();

        assertThat(ringOver(ListKeyStore.with(a, b)).current().signingKeyAt(NOW).orElseThrow().key().id().value())
                .isEqualTo(smallerKid);
        assertThat(ringOver(ListKeyStore.with(b, a)).current().signingKeyAt(NOW).orElseThrow().key().id().value())
                .isEqualTo(smallerKid);
    }
}
