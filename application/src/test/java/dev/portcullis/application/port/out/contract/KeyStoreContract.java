package dev.portcullis.application.port.out.contract;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyStore} does: keys come back exactly as saved, private part included,
 * ordered by the instant they activate. Extend it and return a new, empty store from
 * {@link #newKeyStore()}.
 */
public abstract class KeyStoreContract {

    /** A key store with no keys in it; called once before each test. */
    protected abstract KeyStore newKeyStore();

    private KeyStore store;

    @BeforeEach
    void createStore() {
        store = newKeyStore();
    }

    @Test
    void anEmptyStoreHasNoKeys() {
        assertThat(store.findAll()).isEmpty();
    }

    @Test
    void aKeyRoundTripsWithItsPrivatePart() {
        SigningKey key = Keys.es256("key-1", T0);

        store.save(key);

        assertThat(store.findAll()).containsExactly(key);
        assertThat(store.findAll().get(0).privateJwk()).isEqualTo(key.privateJwk());
    }

    @Test
    void everyAlgorithmAndLifecycleFieldRoundTrips() {
        List<SigningKey> keys = Arrays.stream(SigningAlgorithm.values())
                .map(alg -> Keys.key("key-" + alg, alg, T0, T0.plus(Duration.ofMinutes(alg.ordinal() + 1)),
                        Optional.of(T0.plus(Duration.ofDays(90)))))
                .toList();

        keys.forEach(store::save);

        assertThat(store.findAll()).containsExactlyElementsOf(keys);
    }

    @Test
    void retirementRoundTripsPresentAndAbsent() {
        SigningKey retiring = Keys.key("retiring", SigningAlgorithm.ES256, T0, T0.plusSeconds(60),
                Optional.of(T0.plus(Duration.ofDays(1))));
        SigningKey lasting = Keys.key("lasting", SigningAlgorithm.ES256, T0, T0.plusSeconds(120), Optional.empty());

        store.save(retiring);
        store.save(lasting);

        assertThat(store.findAll()).containsExactly(retiring, lasting);
        assertThat(store.findAll().get(0).retiresAt()).contains(T0.plus(Duration.ofDays(1)));
        assertThat(store.findAll().get(1).retiresAt()).isEmpty();
    }

    @Test
    void instantsAreKeptExactlyBelowTheMillisecond() {
        Instant created = Times.T0_WITH_NANOS;
        SigningKey key = Keys.key("nanos", SigningAlgorithm.EdDSA, created, created.plusNanos(1),
                Optional.of(created.plus(Duration.ofDays(30)).plusNanos(999_999)));

        store.save(key);

        assertThat(store.findAll()).containsExactly(key);
    }

    @Test
    void savingAKeyAgainReplacesItToScheduleItsRetirement() {
        SigningKey key = Keys.es256("key-1", T0);
        store.save(key);
        SigningKey retiring = key.retiringAt(T0.plus(Duration.ofDays(7)));

        store.save(retiring);

        assertThat(store.findAll()).containsExactly(retiring);
    }

    @Test
    void keysComeOrderedByActivation() {
        List<SigningKey> keys = IntStream.of(5, 1, 4, 2, 3)
                .mapToObj(i -> Keys.es256("key-" + i, T0.plus(Duration.ofDays(i))))
                .toList();

        keys.forEach(store::save);

        assertThat(store.findAll())
                .containsExactlyInAnyOrderElementsOf(keys)
                .isSortedAccordingTo(Comparator.comparing(SigningKey::activatesAt));
    }

    @Test
    void deleteRemovesTheKeyAndSaysSoOnce() {
        SigningKey keep = Keys.es256("keep", T0);
        store.save(keep);
        store.save(Keys.es256("drop", T0.plusSeconds(1)));

        assertThat(store.delete(new KeyId("drop"))).isTrue();
        assertThat(store.delete(new KeyId("drop"))).isFalse();
        assertThat(store.findAll()).containsExactly(keep);
    }

    @Test
    void deletingAnUnknownKeyIsFalse() {
        assertThat(store.delete(new KeyId("nobody"))).isFalse();
    }

    @Test
    void aLargePrivateKeyRoundTrips() {
        SigningKey big = Keys.withLargeJwk("big", T0, 100_000);

        store.save(big);

        assertThat(store.findAll()).containsExactly(big);
    }

    @Test
    void unicodeInsideTheJwkRoundTrips() {
        SigningKey key = new SigningKey(new KeyId("unicode"), SigningAlgorithm.HS256,
                "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\","
                        + "\"x-note\":\"clé 用户 🦊\"}",
                T0, T0, Optional.empty());

        store.save(key);

        assertThat(store.findAll()).containsExactly(key);
    }

    @Test
    void keyIdsMayUseEveryVisibleAsciiCharacter() {
        SigningKey odd = Keys.es256("$kid.with{\"json\"}:and\\slash", T0);
        SigningKey longest = Keys.es256(Fixtures.repeat("k1-", 128), T0.plusSeconds(1));

        store.save(odd);
        store.save(longest);

        assertThat(store.findAll()).containsExactly(odd, longest);
        assertThat(store.delete(odd.id())).isTrue();
    }
}
