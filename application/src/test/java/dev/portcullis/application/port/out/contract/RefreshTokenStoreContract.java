package dev.portcullis.application.port.out.contract;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.RefreshToken.State;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RefreshTokenStore} does: a token is rotated exactly once, even when many
 * callers race for it; presenting it again is reuse; revoking a family stops every member;
 * expired tokens are gone. Extend it and return a new, empty store from {@link #newStore()}.
 */
public abstract class RefreshTokenStoreContract {

    /** How many callers race for one token. */
    protected static final int RACERS = 32;

    /** A store with no tokens in it; called once before each test. */
    protected abstract RefreshTokenStore newStore();

    private static final Instant LATER = T0.plus(Duration.ofMinutes(10));

    private RefreshTokenStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    private RefreshToken saved(RefreshToken token) {
        store.save(token);
        return token;
    }

    private State stateOf(OpaqueTokenHash hash, Instant now) {
        return store.find(hash, now).map(RefreshToken::state).orElseThrow(() -> new AssertionError("token gone: " + hash));
    }

    // --- find ---

    @Test
    void anUnknownTokenIsNotFound() {
        assertThat(store.find(Fixtures.anyHash(), T0)).isEmpty();
    }

    @Test
    void aSavedTokenIsFoundWithEveryField() {
        RefreshToken token = saved(RefreshTokens.active(T0));

        assertThat(store.find(token.hash(), T0)).contains(token);
    }

    @Test
    void aTokenIsFoundUntilTheInstantItExpires() {
        RefreshToken token = saved(RefreshTokens.active(T0));

        assertThat(store.find(token.hash(), token.expiresAt().minusMillis(1))).contains(token);
        assertThat(store.find(token.hash(), token.expiresAt())).isEmpty();
        assertThat(store.find(token.hash(), token.expiresAt().plus(Duration.ofDays(365)))).isEmpty();
    }

    @Test
    void tokensAreFoundWhateverTheirState() {
        RefreshToken rotated = saved(RefreshTokens.active(T0).withState(State.ROTATED));
        RefreshToken revoked = saved(RefreshTokens.active(T0).withState(State.REVOKED));

        assertThat(store.find(rotated.hash(), T0)).contains(rotated);
        assertThat(store.find(revoked.hash(), T0)).contains(revoked);
    }

    @Test
    void savingTheSameHashAgainReplacesTheToken() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        RefreshToken revoked = saved(token.withState(State.REVOKED));

        assertThat(store.find(token.hash(), T0)).contains(revoked);
        assertThat(store.revokeFamily(token.family())).as("no duplicate left behind").hasSize(1);
    }

    @Test
    void largeUnicodeAndSubMillisecondValuesRoundTrip() {
        Instant issued = Times.T0_WITH_NANOS;
        RefreshToken base = RefreshTokens.active(issued);
        RefreshToken token = new RefreshToken(base.hash(), base.family(), base.clientId(), "用户 zoë 🦊",
                IntStream.range(0, 300).mapToObj(i -> "rôle-" + i).toList(), Clients.manyScopes(500),
                issued, issued.plusNanos(3_600_000_000_001L), issued.plus(Duration.ofDays(30)).plusNanos(7),
                base.accessTokenId(), State.ACTIVE);
        store.save(token);

        assertThat(store.find(token.hash(), issued)).contains(token);
    }

    // --- rotate ---

    @Test
    void rotatingAnUnknownTokenIsUnknownAndStoresNothing() {
        RefreshToken successor = RefreshTokens.active(T0);

        assertThat(store.rotate(Fixtures.anyHash(), successor, T0)).isInstanceOf(Rotation.Unknown.class);
        assertThat(store.find(successor.hash(), T0)).isEmpty();
    }

    @Test
    void rotatingAnActiveTokenMarksItRotatedAndStoresTheSuccessor() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        RefreshToken successor = RefreshTokens.successorOf(token, LATER);

        Rotation rotation = store.rotate(token.hash(), successor, LATER);

        assertThat(rotation).isInstanceOf(Rotation.Rotated.class);
        assertThat(((Rotation.Rotated) rotation).previous().withState(State.ACTIVE)).isEqualTo(token);
        assertThat(stateOf(token.hash(), LATER)).isEqualTo(State.ROTATED);
        assertThat(store.find(successor.hash(), LATER)).contains(successor);
    }

    @Test
    void presentingARotatedTokenAgainIsReuseAndStoresNoSuccessor() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        store.rotate(token.hash(), RefreshTokens.successorOf(token, LATER), LATER);
        RefreshToken second = RefreshTokens.successorOf(token, LATER.plusSeconds(1));

        Rotation rotation = store.rotate(token.hash(), second, LATER.plusSeconds(1));

        assertThat(rotation).isInstanceOf(Rotation.Reused.class);
        RefreshToken previous = ((Rotation.Reused) rotation).previous();
        assertThat(previous.hash()).isEqualTo(token.hash());
        assertThat(previous.state()).isEqualTo(State.ROTATED);
        assertThat(previous.withState(State.ACTIVE)).isEqualTo(token);
        assertThat(store.find(second.hash(), LATER.plusSeconds(1))).isEmpty();
    }

    @Test
    void theSuccessorRotatesInTurn() {
        RefreshToken first = saved(RefreshTokens.active(T0));
        RefreshToken second = RefreshTokens.successorOf(first, LATER);
        RefreshToken third = RefreshTokens.successorOf(second, LATER.plusSeconds(60));

        assertThat(store.rotate(first.hash(), second, LATER)).isInstanceOf(Rotation.Rotated.class);
        assertThat(store.rotate(second.hash(), third, LATER.plusSeconds(60))).isInstanceOf(Rotation.Rotated.class);

        assertThat(stateOf(first.hash(), LATER.plusSeconds(60))).isEqualTo(State.ROTATED);
        assertThat(stateOf(second.hash(), LATER.plusSeconds(60))).isEqualTo(State.ROTATED);
        assertThat(stateOf(third.hash(), LATER.plusSeconds(60))).isEqualTo(State.ACTIVE);
    }

    @Test
    void rotatingARevokedTokenIsReuse() {
        RefreshToken revoked = saved(RefreshTokens.active(T0).withState(State.REVOKED));
        RefreshToken successor = RefreshTokens.successorOf(revoked, LATER);

        Rotation rotation = store.rotate(revoked.hash(), successor, LATER);

        assertThat(rotation).isInstanceOf(Rotation.Reused.class);
        assertThat(((Rotation.Reused) rotation).previous()).isEqualTo(revoked);
        assertThat(store.find(successor.hash(), LATER)).isEmpty();
    }

    @Test
    void rotatingAnExpiredTokenIsUnknownAndStoresNothing() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        Instant expired = token.expiresAt();
        RefreshToken successor = RefreshTokens.successorOf(token, T0.plusSeconds(1));

        assertThat(store.rotate(token.hash(), successor, expired)).isInstanceOf(Rotation.Unknown.class);
        assertThat(store.find(successor.hash(), T0.plusSeconds(1))).isEmpty();
    }

    /** A store that tidies up only now and then must still check each token's expiry when it is presented. */
    @Test
    void aTokenThatExpiredJustAfterAnotherRotationIsUnknown() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        RefreshToken other = saved(RefreshTokens.active(T0));
        Instant justBefore = token.expiresAt().minusMillis(1);
        store.rotate(other.hash(), RefreshTokens.successorOf(other, justBefore), justBefore);

        assertThat(store.rotate(token.hash(), RefreshTokens.successorOf(token, token.expiresAt()), token.expiresAt()))
                .isInstanceOf(Rotation.Unknown.class);
    }

    @Test
    void aTokenRotatesUpToTheLastInstantBeforeItExpires() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        Instant lastMoment = token.expiresAt().minusMillis(1);

        assertThat(store.rotate(token.hash(), RefreshTokens.successorOf(token, lastMoment), lastMoment))
                .isInstanceOf(Rotation.Rotated.class);
    }

    @Test
    void aRotatedTokenThatExpiredIsUnknownRatherThanReused() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        store.rotate(token.hash(), RefreshTokens.successorOf(token, LATER), LATER);
        Instant afterExpiry = token.expiresAt().plusSeconds(1);

        assertThat(store.rotate(token.hash(), RefreshTokens.successorOf(token, afterExpiry), afterExpiry))
                .isInstanceOf(Rotation.Unknown.class);
    }

    @Test
    void expiryIsKeptExactlyBelowTheMillisecond() {
        RefreshToken base = RefreshTokens.active(T0);
        Instant expires = T0.plusSeconds(60).plusNanos(123_456_789);
        RefreshToken token = saved(new RefreshToken(base.hash(), base.family(), base.clientId(), base.subject(),
                base.roles(), base.scope(), T0, expires, base.familyExpiresAt(), base.accessTokenId(), State.ACTIVE));

        assertThat(store.find(token.hash(), expires.minusNanos(1))).contains(token);
        assertThat(store.find(token.hash(), expires)).isEmpty();
        assertThat(store.rotate(token.hash(), RefreshTokens.successorOf(token, expires), expires))
                .isInstanceOf(Rotation.Unknown.class);
    }

    @RepeatedTest(3)
    void exactlyOneOfManyConcurrentCallersRotatesAToken() {
        RefreshToken token = saved(RefreshTokens.active(T0));
        List<RefreshToken> successors = IntStream.range(0, RACERS)
                .mapToObj(i -> RefreshTokens.successorOf(token, LATER)).toList();

        List<Rotation> outcomes = Race.run(RACERS, i -> () -> store.rotate(token.hash(), successors.get(i), LATER));

        assertThat(outcomes).filteredOn(Rotation.Rotated.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Rotation.Reused.class::isInstance).hasSize(RACERS - 1);
        int winner = IntStream.range(0, RACERS).filter(i -> outcomes.get(i) instanceof Rotation.Rotated).findFirst().orElseThrow();
        for (int i = 0; i < RACERS; i++) {
            assertThat(store.find(successors.get(i).hash(), LATER)).as("successor %d", i)
                    .isEqualTo(i == winner ? java.util.Optional.of(successors.get(i)) : java.util.Optional.empty());
        }
        assertThat(stateOf(token.hash(), LATER)).isEqualTo(State.ROTATED);
    }

    // --- revokeFamily ---

    @Test
    void revokingAnUnknownFamilyReturnsNothing() {
        saved(RefreshTokens.active(T0));

        assertThat(store.revokeFamily(Fixtures.anyFamily())).isEmpty();
    }

    @Test
    void revokingAFamilyRevokesAndReturnsEveryMember() {
        RefreshToken first = saved(RefreshTokens.active(T0));
        RefreshToken second = RefreshTokens.successorOf(first, LATER);
        store.rotate(first.hash(), second, LATER);
        RefreshToken third = RefreshTokens.successorOf(second, LATER.plusSeconds(1));
        store.rotate(second.hash(), third, LATER.plusSeconds(1));

        List<RefreshToken> revoked = store.revokeFamily(first.family());

        assertThat(revoked).extracting(RefreshToken::hash).containsExactlyInAnyOrder(first.hash(), second.hash(), third.hash());
        assertThat(revoked).extracting(RefreshToken::accessTokenId)
                .containsExactlyInAnyOrder(first.accessTokenId(), second.accessTokenId(), third.accessTokenId());
        assertThat(revoked).allSatisfy(t -> assertThat(t.state()).isEqualTo(State.REVOKED));
        for (RefreshToken token : List.of(first, second, third)) {
            assertThat(stateOf(token.hash(), LATER.plusSeconds(2))).isEqualTo(State.REVOKED);
        }
    }

    @Test
    void afterRevocationNoMemberOfTheFamilyRotates() {
        RefreshToken first = saved(RefreshTokens.active(T0));
        RefreshToken second = RefreshTokens.successorOf(first, LATER);
        store.rotate(first.hash(), second, LATER);

        store.revokeFamily(first.family());

        Instant now = LATER.plusSeconds(5);
        for (RefreshToken member : List.of(first, second)) {
            RefreshToken next = RefreshTokens.successorOf(member, now);
            Rotation rotation = store.rotate(member.hash(), next, now);
            assertThat(rotation).isInstanceOfAny(Rotation.Reused.class, Rotation.Unknown.class);
            assertThat(store.find(next.hash(), now)).isEmpty();
        }
    }

    @Test
    void revokingAFamilyLeavesOtherFamiliesAlone() {
        RefreshToken victim = saved(RefreshTokens.active(T0));
        RefreshToken bystander = saved(RefreshTokens.active(T0));

        store.revokeFamily(victim.family());

        assertThat(store.find(bystander.hash(), T0)).contains(bystander);
        assertThat(store.rotate(bystander.hash(), RefreshTokens.successorOf(bystander, LATER), LATER))
                .isInstanceOf(Rotation.Rotated.class);
    }

    @Test
    void revokingAFamilyTwiceStillReturnsItsMembers() {
        RefreshToken token = saved(RefreshTokens.active(T0));

        store.revokeFamily(token.family());

        assertThat(store.revokeFamily(token.family())).extracting(RefreshToken::hash).containsExactly(token.hash());
    }

    @Test
    void aLargeFamilyIsRevokedWhole() {
        FamilyId family = Fixtures.anyFamily();
        List<RefreshToken> members = IntStream.range(0, 500)
                .mapToObj(i -> saved(RefreshTokens.active(family, T0.plusSeconds(i)))).toList();

        assertThat(store.revokeFamily(family)).extracting(RefreshToken::hash)
                .containsExactlyInAnyOrderElementsOf(members.stream().map(RefreshToken::hash).toList());
        assertThat(members).allSatisfy(t -> assertThat(stateOf(t.hash(), T0)).isEqualTo(State.REVOKED));
    }

    /**
     * A family revoked while one of its tokens is being rotated ends with no active member: either
     * the revocation catches the successor, or the rotation notices and does not hand it out.
     */
    @RepeatedTest(5)
    void noMemberSurvivesARevocationThatRacesRotations() throws Exception {
        RefreshToken first = saved(RefreshTokens.active(T0));
        List<RefreshToken> issued = new ArrayList<>(List.of(first));
        CountDownLatch rotating = new CountDownLatch(1);
        CompletableFuture<Void> rotator = CompletableFuture.runAsync(() -> {
            RefreshToken current = first;
            Instant now = LATER;
            for (int i = 0; i < 2_000; i++) {
                RefreshToken next = RefreshTokens.successorOf(current, now);
                synchronized (issued) {
                    issued.add(next);
                }
                Rotation rotation = store.rotate(current.hash(), next, now);
                if (i == 20) {
                    rotating.countDown();
                }
                if (!(rotation instanceof Rotation.Rotated)) {
                    assertThat(rotation).isInstanceOf(Rotation.Reused.class);
                    break;
                }
                current = next;
                now = now.plusMillis(1);
            }
            rotating.countDown();
        });
        assertThat(rotating.await(30, TimeUnit.SECONDS)).isTrue();
        store.revokeFamily(first.family());
        rotator.get(60, TimeUnit.SECONDS);

        Instant now = LATER.plusSeconds(10);
        synchronized (issued) {
            for (RefreshToken token : issued) {
                store.find(token.hash(), now).ifPresent(found ->
                        assertThat(found.state()).as("member %s", found.hash()).isNotEqualTo(State.ACTIVE));
            }
        }
    }
}
