package dev.portcullis.application.port.out.contract;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RevocationList} does: a revoked token id stays revoked until the instant given,
 * as told by the list's clock, and not after. Extend it and return a new, empty list reading the
 * time from {@code clock} in {@link #newRevocationList(Clock)}; the tests move that clock.
 */
public abstract class RevocationListContract {

    /**
     * A revocation list with nothing revoked, reading the time from {@code clock} only; called once
     * before each test, with a {@link MutableClock} that starts at {@link Times#T0}.
     */
    protected abstract RevocationList newRevocationList(Clock clock);

    private MutableClock clock;
    private RevocationList list;

    @BeforeEach
    void createList() {
        clock = MutableClock.at(T0);
        list = newRevocationList(clock);
    }

    /** The clock the list under test reads. */
    protected final MutableClock clock() {
        return clock;
    }

    @Test
    void aTokenNeverRevokedIsNotRevoked() {
        assertThat(list.isRevoked(Fixtures.anyTokenId())).isFalse();
    }

    @Test
    void aRevokedTokenIsRevokedAtOnce() {
        TokenId id = Fixtures.anyTokenId();

        list.revoke(id, T0.plus(Duration.ofMinutes(15)));

        assertThat(list.isRevoked(id)).isTrue();
    }

    @Test
    void aRevocationLastsUntilTheInstantGivenAndNoLonger() {
        TokenId id = Fixtures.anyTokenId();
        Instant until = T0.plus(Duration.ofMinutes(15));
        list.revoke(id, until);

        clock.set(until.minusMillis(1));
        assertThat(list.isRevoked(id)).isTrue();
        clock.set(until);
        assertThat(list.isRevoked(id)).isFalse();
        clock.set(until.plus(Duration.ofDays(1)));
        assertThat(list.isRevoked(id)).isFalse();
    }

    @Test
    void revokingUntilAMomentAlreadyPastHasNoEffect() {
        TokenId past = Fixtures.anyTokenId();
        TokenId now = Fixtures.anyTokenId();

        list.revoke(past, T0.minusSeconds(1));
        list.revoke(now, T0);

        assertThat(list.isRevoked(past)).isFalse();
        assertThat(list.isRevoked(now)).isFalse();
    }

    @Test
    void aSecondRevocationNeverShortensTheFirst() {
        TokenId id = Fixtures.anyTokenId();
        list.revoke(id, T0.plus(Duration.ofMinutes(15)));

        list.revoke(id, T0.plus(Duration.ofMinutes(1)));

        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertThat(list.isRevoked(id)).isTrue();
    }

    @Test
    void aSecondRevocationCanExtendTheFirst() {
        TokenId id = Fixtures.anyTokenId();
        list.revoke(id, T0.plus(Duration.ofMinutes(1)));

        list.revoke(id, T0.plus(Duration.ofMinutes(15)));

        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertThat(list.isRevoked(id)).isTrue();
    }

    @Test
    void aTokenCanBeRevokedAgainAfterItsRevocationLapsed() {
        TokenId id = Fixtures.anyTokenId();
        list.revoke(id, T0.plusSeconds(10));
        clock.set(T0.plusSeconds(20));

        list.revoke(id, T0.plusSeconds(30));

        assertThat(list.isRevoked(id)).isTrue();
        clock.set(T0.plusSeconds(30));
        assertThat(list.isRevoked(id)).isFalse();
    }

    @Test
    void revocationsAreIndependent() {
        TokenId shortLived = Fixtures.anyTokenId();
        TokenId longLived = Fixtures.anyTokenId();
        TokenId never = Fixtures.anyTokenId();
        list.revoke(shortLived, T0.plusSeconds(10));
        list.revoke(longLived, T0.plusSeconds(100));

        clock.set(T0.plusSeconds(50));

        assertThat(list.isRevoked(shortLived)).isFalse();
        assertThat(list.isRevoked(longLived)).isTrue();
        assertThat(list.isRevoked(never)).isFalse();
    }

    @Test
    void tokenIdsAreComparedExactly() {
        list.revoke(new TokenId("abc"), T0.plusSeconds(60));

        assertThat(list.isRevoked(new TokenId("ABC"))).isFalse();
        assertThat(list.isRevoked(new TokenId("abcd"))).isFalse();
        assertThat(list.isRevoked(new TokenId("abc"))).isTrue();
    }

    @Test
    void manyRevocationsAreAllKept() {
        List<TokenId> ids = IntStream.range(0, 1_000).mapToObj(i -> Fixtures.anyTokenId()).toList();

        ids.forEach(id -> list.revoke(id, T0.plus(Duration.ofHours(1))));

        assertThat(ids).allSatisfy(id -> assertThat(list.isRevoked(id)).isTrue());
    }

    @Test
    void theLongestAndOddestTokenIdsWork() {
        TokenId longest = new TokenId(Fixtures.repeat("a1-_.~", 128));
        TokenId punctuated = new TokenId("$jti.with{\"json\"}:and\\back/slash");

        list.revoke(longest, T0.plusSeconds(60));
        list.revoke(punctuated, T0.plusSeconds(60));

        assertThat(list.isRevoked(longest)).isTrue();
        assertThat(list.isRevoked(punctuated)).isTrue();
    }

    @Test
    void aRevocationFarInTheFutureHolds() {
        TokenId id = Fixtures.anyTokenId();

        list.revoke(id, T0.plus(Duration.ofDays(3_650)));

        clock.set(T0.plus(Duration.ofDays(3_649)));
        assertThat(list.isRevoked(id)).isTrue();
    }
}
