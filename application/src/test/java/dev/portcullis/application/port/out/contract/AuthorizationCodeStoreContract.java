package dev.portcullis.application.port.out.contract;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuthorizationCodeStore} does: a code is redeemed exactly once, even when many
 * callers race for it; later attempts are replays until it expires; expired and unknown codes are
 * unknown. Extend it and return a new, empty store from {@link #newStore()}.
 */
public abstract class AuthorizationCodeStoreContract {

    /** How many callers race for one code. */
    protected static final int RACERS = 32;

    /** A store with no codes in it; called once before each test. */
    protected abstract AuthorizationCodeStore newStore();

    private static final Instant EXPIRES = T0.plus(Duration.ofMinutes(1));

    private AuthorizationCodeStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void anUnknownCodeIsUnknown() {
        assertThat(store.redeem(Fixtures.anyHash(), T0)).isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    void theFirstRedemptionGetsTheCodeWithEverythingItIsBoundTo() {
        AuthorizationCode code = Codes.anyCode(EXPIRES);
        store.save(code);

        assertThat(store.redeem(code.hash(), T0)).isEqualTo(new Redemption.Redeemed(code));
    }

    @Test
    void everyLaterRedemptionIsAReplayCarryingTheCode() {
        AuthorizationCode code = Codes.anyCode(EXPIRES);
        store.save(code);
        store.redeem(code.hash(), T0);

        assertThat(store.redeem(code.hash(), T0.plusSeconds(1))).isEqualTo(new Redemption.Replayed(code));
        assertThat(store.redeem(code.hash(), T0.plusSeconds(2))).isEqualTo(new Redemption.Replayed(code));
    }

    @Test
    void aCodeIsUsableUntilTheInstantItExpires() {
        AuthorizationCode code = Codes.anyCode(EXPIRES);
        store.save(code);

        assertThat(store.redeem(code.hash(), EXPIRES.minusMillis(1))).isInstanceOf(Redemption.Redeemed.class);
    }

    @Test
    void anExpiredCodeIsUnknown() {
        AuthorizationCode atExpiry = Codes.anyCode(EXPIRES);
        AuthorizationCode afterExpiry = Codes.anyCode(EXPIRES);
        store.save(atExpiry);
        store.save(afterExpiry);

        assertThat(store.redeem(atExpiry.hash(), EXPIRES)).isInstanceOf(Redemption.Unknown.class);
        assertThat(store.redeem(afterExpiry.hash(), EXPIRES.plus(Duration.ofDays(1)))).isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    void anExpiredCodeStaysUnknownWhateverItWasBefore() {
        AuthorizationCode code = Codes.anyCode(EXPIRES);
        store.save(code);
        store.redeem(code.hash(), T0);

        assertThat(store.redeem(code.hash(), EXPIRES)).isInstanceOf(Redemption.Unknown.class);
        assertThat(store.redeem(code.hash(), EXPIRES.plusSeconds(60))).isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    void aCodeSavedAlreadyExpiredIsUnknown() {
        AuthorizationCode code = Codes.anyCode(T0.minusSeconds(1));
        store.save(code);

        assertThat(store.redeem(code.hash(), T0)).isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    void redeemingOneCodeLeavesTheOthersRedeemable() {
        AuthorizationCode first = Codes.anyCode(EXPIRES);
        AuthorizationCode second = Codes.anyCode(EXPIRES);
        store.save(first);
        store.save(second);

        store.redeem(first.hash(), T0);

        assertThat(store.redeem(second.hash(), T0)).isEqualTo(new Redemption.Redeemed(second));
    }

    @Test
    void anExpiredCodeDoesNotDisturbALiveOne() {
        AuthorizationCode old = Codes.anyCode(T0.plusSeconds(10));
        AuthorizationCode fresh = Codes.anyCode(T0.plusSeconds(600));
        store.save(old);
        store.save(fresh);

        assertThat(store.redeem(old.hash(), T0.plusSeconds(30))).isInstanceOf(Redemption.Unknown.class);
        assertThat(store.redeem(fresh.hash(), T0.plusSeconds(30))).isEqualTo(new Redemption.Redeemed(fresh));
    }

    @Test
    void savingACodeAgainDoesNotMakeItRedeemableTwice() {
        AuthorizationCode code = Codes.anyCode(EXPIRES);
        store.save(code);
        store.save(code);

        assertThat(store.redeem(code.hash(), T0)).isInstanceOf(Redemption.Redeemed.class);
        store.save(code);
        assertThat(store.redeem(code.hash(), T0)).isInstanceOf(Redemption.Replayed.class);
    }

    @RepeatedTest(3)
    void exactlyOneOfManyConcurrentCallersRedeemsACode() {
        AuthorizationCode code = Codes.anyCode(EXPIRES);
        store.save(code);

        List<Redemption> outcomes = Race.run(RACERS, () -> store.redeem(code.hash(), T0));

        assertThat(outcomes).filteredOn(Redemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Redemption.Replayed.class::isInstance).hasSize(RACERS - 1);
        assertThat(outcomes).allSatisfy(r -> assertThat(r).isIn(new Redemption.Redeemed(code), new Redemption.Replayed(code)));
    }

    @Test
    void concurrentCallersWithDifferentCodesEachRedeemTheirOwn() {
        List<AuthorizationCode> codes = IntStream.range(0, RACERS).mapToObj(i -> Codes.anyCode(EXPIRES)).toList();
        codes.forEach(store::save);

        List<Redemption> outcomes = Race.run(RACERS, i -> () -> store.redeem(codes.get(i).hash(), T0));

        assertThat(outcomes).containsExactlyElementsOf(codes.stream().map(Redemption.Redeemed::new).toList());
    }

    @Test
    void largeAndUnicodeBindingsRoundTrip() {
        AuthorizationCode code = Codes.code("用户 zoë 🦊", IntStream.range(0, 300).mapToObj(i -> "rôle-" + i).toList(),
                Clients.manyScopes(500), EXPIRES);
        store.save(code);

        assertThat(store.redeem(code.hash(), T0)).isEqualTo(new Redemption.Redeemed(code));
    }

    @Test
    void aCodeWithoutRolesOrScopesRoundTrips() {
        AuthorizationCode code = Codes.code("alice", List.of(), ScopeSet.empty(), EXPIRES);
        store.save(code);

        assertThat(store.redeem(code.hash(), T0)).isEqualTo(new Redemption.Redeemed(code));
    }

    @Test
    void expiryIsKeptExactlyBelowTheMillisecond() {
        Instant expires = EXPIRES.plusNanos(123_456_789);
        AuthorizationCode code = Codes.anyCode(expires);
        store.save(code);

        assertThat(store.redeem(code.hash(), expires.minusNanos(1))).isEqualTo(new Redemption.Redeemed(code));
        assertThat(store.redeem(code.hash(), expires)).isInstanceOf(Redemption.Unknown.class);
    }
}
