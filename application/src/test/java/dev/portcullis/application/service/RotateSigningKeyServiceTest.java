package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.RotateSigningKey.KeyRotation;
import dev.portcullis.application.port.in.SigningKeySummary;
import dev.portcullis.application.port.in.SigningKeySummary.Status;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.service.LifecycleFakes.NumberedKeyGenerator;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.secret.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RotateSigningKeyServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration DELAY = Duration.ofMinutes(6);
    private static final Duration TTL = Duration.ofSeconds(900);
    private static final Duration GRACE = Duration.ofSeconds(65);

    private final MutableClock clock = MutableClock.at(NOW);
    private final ListKeyStore keys = new ListKeyStore();
    private final MapClientRepository clients = new MapClientRepository();
    private final SigningKey original = new SigningKey(new KeyId("original"), SigningAlgorithm.ES256, "{}",
            NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)), Optional.empty());

    @BeforeEach
    void setUp() {
        keys.save(original);
    }

    private RotateSigningKeyService service(SigningAlgorithm algorithm) {
        return new RotateSigningKeyService(keys, new NumberedKeyGenerator(clock), clients, clock,
                new KeyRotationSettings(algorithm, DELAY, TTL, GRACE));
    }

    private SigningKey stored(String kid) {
        return keys.stored(new KeyId(kid)).orElse(null);
    }

    @Test
    void theNewKeyIsStoredAtOnceAndSignsAfterTheDelayAndTheOldOneRetiresAfterItsLastToken() {
        KeyRotation rotation = service(SigningAlgorithm.ES256).rotate();

        SigningKey created = stored("gen-1");
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.activatesAt()).isEqualTo(NOW.plus(DELAY));
        assertThat(created.retiresAt()).isEmpty();
        assertThat(stored("original").retiresAt()).contains(NOW.plus(DELAY).plus(TTL).plus(GRACE));
        assertThat(rotation).isInstanceOfSatisfying(KeyRotation.Rotated.class, r -> {
            assertThat(r.created().id()).isEqualTo(created.id());
            assertThat(r.created().status()).isEqualTo(Status.PENDING);
            assertThat(r.retiring()).extracting(SigningKeySummary::id).containsExactly(new KeyId("original"));
            assertThat(r.retiring().getFirst().status()).as("it still signs until the new key activates").isEqualTo(Status.SIGNING);
        });
        ListSigningKeysService list = new ListSigningKeysService(keys, clock);
        assertThat(list.list()).extracting(SigningKeySummary::status).containsExactly(Status.SIGNING, Status.PENDING);
        clock.set(NOW.plus(DELAY));
        assertThat(list.list()).extracting(SigningKeySummary::status).containsExactly(Status.VERIFYING, Status.SIGNING);
        clock.set(NOW.plus(DELAY).plus(TTL).plus(GRACE));
        assertThat(list.list()).extracting(SigningKeySummary::status).containsExactly(Status.RETIRED, Status.SIGNING);
    }

    @Test
    void aClientWithALongerTokenLifetimeKeepsTheOldKeyPublishedLonger() {
        clients.save(Client.confidential(new ClientId("batch"), new SecretHash("$plain$x"))
                .accessTokenTtl(Duration.ofHours(8)).build());

        service(SigningAlgorithm.ES256).rotate();

        assertThat(stored("original").retiresAt()).contains(NOW.plus(DELAY).plus(Duration.ofHours(8)).plus(GRACE));
    }

    @Test
    void rotatingAgainBeforeTheFirstNewKeySignedRetiresThatOneTooAndKeepsEarlierRetirements() {
        RotateSigningKeyService service = service(SigningAlgorithm.ES256);
        service.rotate();
        Instant firstRetirement = stored("original").retiresAt().orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        service.rotate();

        assertThat(stored("original").retiresAt()).contains(firstRetirement);
        assertThat(stored("gen-1").retiresAt()).contains(stored("gen-2").activatesAt().plus(TTL).plus(GRACE));
        assertThat(stored("gen-2").activatesAt()).isEqualTo(clock.instant().plus(DELAY));
        assertThat(stored("gen-2").retiresAt()).isEmpty();
    }

    @Test
    void aNewKeyNeverActivatesBeforeAKeyThatIsAlreadyWaiting() {
        keys.save(new SigningKey(new KeyId("waiting"), SigningAlgorithm.ES256, "{}", NOW, NOW.plus(Duration.ofHours(1)),
                Optional.empty()));

        service(SigningAlgorithm.ES256).rotate();

        assertThat(stored("gen-1").activatesAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(stored("waiting").retiresAt()).contains(NOW.plus(Duration.ofHours(1)).plus(TTL).plus(GRACE));
    }

    @Test
    void retiredKeysAreLeftAsTheyAre() {
        SigningKey retired = new SigningKey(new KeyId("retired"), SigningAlgorithm.ES256, "{}", NOW.minus(Duration.ofDays(60)),
                NOW.minus(Duration.ofDays(60)), Optional.of(NOW.minus(Duration.ofDays(29))));
        keys.save(retired);

        service(SigningAlgorithm.ES256).rotate();

        assertThat(stored("retired")).isEqualTo(retired);
    }

    @Test
    void intoAnEmptyStoreTheFirstKeySignsAtOnce() {
        keys.delete(original.id());

        KeyRotation rotation = service(SigningAlgorithm.ES256).rotate();

        assertThat(stored("gen-1").activatesAt()).isEqualTo(NOW);
        assertThat(rotation).isInstanceOfSatisfying(KeyRotation.Rotated.class, r -> {
            assertThat(r.created().status()).isEqualTo(Status.SIGNING);
            assertThat(r.retiring()).isEmpty();
        });
    }

    @Test
    void hs256SecretsAreNotRotatedHere() {
        KeyRotation rotation = service(SigningAlgorithm.HS256).rotate();

        assertThat(rotation).isInstanceOf(KeyRotation.NotRotatable.class);
        assertThat(keys.findAll()).containsExactly(original);
    }

    @Test
    void withoutADelayTheNewKeySignsAtOnce() {
        RotateSigningKeyService service = new RotateSigningKeyService(keys, new NumberedKeyGenerator(clock), clients, clock,
                new KeyRotationSettings(SigningAlgorithm.ES256, Duration.ZERO, TTL, GRACE));

        KeyRotation rotation = service.rotate();

        assertThat(rotation).isInstanceOfSatisfying(KeyRotation.Rotated.class, r -> {
            assertThat(r.created().status()).isEqualTo(Status.SIGNING);
            assertThat(r.retiring().getFirst().status()).isEqualTo(Status.VERIFYING);
        });
    }
}
