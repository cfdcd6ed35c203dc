package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.in.RevokeToken.Outcome;
import dev.portcullis.application.port.in.RevokeToken.RevocationRequest;
import dev.portcullis.application.port.in.RevokeToken.RevocationResult;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.service.Fakes.PlainSecretHasher;
import dev.portcullis.application.service.Fakes.RecordingSigner;
import dev.portcullis.application.port.out.contract.MapRefreshTokenStore;
import dev.portcullis.application.port.out.contract.MapRevocationList;
import dev.portcullis.application.service.LifecycleFakes.TimedVerifier;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.token.TokenTypeHint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RevokeTokenServiceTest {

    private static final Issuer ISSUER = new Issuer("https://auth.example.com");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final ClientId MYAPP = new ClientId("myapp");
    private static final ClientId OTHER = new ClientId("other");

    private final MutableClock clock = MutableClock.at(NOW);
    private final PlainSecretHasher hasher = new PlainSecretHasher();
    private final MapClientRepository clients = new MapClientRepository();
    private final RecordingSigner signer = new RecordingSigner();
    private final TimedVerifier verifier = new TimedVerifier(signer, clock);
    private final MapRevocationList revocations = new MapRevocationList(clock);
    private final MapRefreshTokenStore refreshTokens = new MapRefreshTokenStore();
    private final AtomicInteger sequence = new AtomicInteger();
    private RevokeTokenService service;

    @BeforeEach
    void setUp() {
        clients.save(Client.confidential(MYAPP, hasher.hash("secret")).build());
        clients.save(Client.confidential(OTHER, hasher.hash("other-secret")).build());
        service = new RevokeTokenService(new ClientAuthenticator(clients, hasher), verifier, revocations, refreshTokens,
                clock, TokenSettings.defaults(), SKEW);
    }

    private AccessTokenClaims accessToken(ClientId client) {
        return signer.sign(new AccessTokenClaims(ISSUER, client.value(), List.of(ISSUER.value()), client, ScopeSet.of("read"),
                clock.instant(), clock.instant().plusSeconds(900), new TokenId("jti-" + sequence.incrementAndGet()),
                List.of())).claims();
    }

    private String compact(AccessTokenClaims claims) {
        return "h." + claims.jwtId().value() + ".s";
    }

    /** Stores a refresh token of {@code family}, issued now; returns its plaintext. */
    private String refreshToken(ClientId client, FamilyId family, Instant issuedAt) {
        String plaintext = "rt-" + sequence.incrementAndGet();
        refreshTokens.save(new RefreshToken(OpaqueTokenHash.of(plaintext), family, client, "alice", List.of(),
                ScopeSet.of("read"), issuedAt, issuedAt.plus(Duration.ofDays(1)), issuedAt.plus(Duration.ofDays(30)),
                new TokenId("at-of-" + plaintext), RefreshToken.State.ACTIVE));
        return plaintext;
    }

    private RevocationResult revokeAsMyapp(String token, Optional<TokenTypeHint> hint) {
        return service.revoke(new RevocationRequest(PresentedCredentials.basic(MYAPP, "secret"), token, hint));
    }

    @Test
    void theCallersAccessTokenIsRevokedUntilVerifiersStopAcceptingIt() {
        AccessTokenClaims token = accessToken(MYAPP);

        RevocationResult result = revokeAsMyapp(compact(token), Optional.empty());

        assertThat(result).isEqualTo(new RevocationResult.Done(Outcome.ACCESS_TOKEN_REVOKED));
        assertThat(revocations.until()).containsEntry(token.jwtId(), token.expiresAt().plus(SKEW));
    }

    @Test
    void anotherClientsAccessTokenIsLeftAloneButTheAnswerIsTheSameSuccess() {
        AccessTokenClaims token = accessToken(OTHER);

        RevocationResult result = revokeAsMyapp(compact(token), Optional.of(TokenTypeHint.ACCESS_TOKEN));

        assertThat(result).isEqualTo(new RevocationResult.Done(Outcome.NOT_THE_CALLERS));
        assertThat(revocations.until()).isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsAlreadyDeadAndGarbageIsUnknown() {
        AccessTokenClaims token = accessToken(MYAPP);
        clock.advance(Duration.ofSeconds(901));

        assertThat(revokeAsMyapp(compact(token), Optional.empty())).isEqualTo(new RevocationResult.Done(Outcome.NOT_FOUND));
        assertThat(revokeAsMyapp("not-a-token-at-all", Optional.empty())).isEqualTo(new RevocationResult.Done(Outcome.NOT_FOUND));
        assertThat(revocations.until()).isEmpty();
    }

    @Test
    void theCallersRefreshTokenRevokesItsWholeFamilyAndTheLiveAccessTokensIssuedBesideIt() {
        FamilyId family = new FamilyId("fam-1");
        Instant longAgo = NOW.minus(Duration.ofHours(2));
        String old = refreshToken(MYAPP, family, longAgo);
        String previous = refreshToken(MYAPP, family, NOW.minusSeconds(300));
        String current = refreshToken(MYAPP, family, NOW);
        String unrelated = refreshToken(MYAPP, new FamilyId("fam-2"), NOW);

        RevocationResult result = revokeAsMyapp(previous, Optional.of(TokenTypeHint.REFRESH_TOKEN));

        assertThat(result).isEqualTo(new RevocationResult.Done(Outcome.REFRESH_TOKEN_FAMILY_REVOKED));
        assertThat(refreshTokens.all()).filteredOn(t -> t.family().equals(family))
                .hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(RefreshToken.State.REVOKED));
        assertThat(refreshTokens.find(OpaqueTokenHash.of(unrelated), NOW).orElseThrow().state())
                .isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(revocations.until())
                .as("each access token until issue + 900 s + skew; the one issued two hours ago has expired")
                .containsOnly(
                        java.util.Map.entry(new TokenId("at-of-" + previous), NOW.minusSeconds(300).plusSeconds(900).plus(SKEW)),
                        java.util.Map.entry(new TokenId("at-of-" + current), NOW.plusSeconds(900).plus(SKEW)));
        assertThat(revocations.until()).doesNotContainKey(new TokenId("at-of-" + old));
    }

    @Test
    void aClientsOwnLongerAccessTokenLifetimeIsHonoured() {
        clients.save(Client.confidential(MYAPP, hasher.hash("secret")).accessTokenTtl(Duration.ofHours(2)).build());
        String token = refreshToken(MYAPP, new FamilyId("fam-long"), NOW);

        revokeAsMyapp(token, Optional.empty());

        assertThat(revocations.until()).containsEntry(new TokenId("at-of-" + token), NOW.plus(Duration.ofHours(2)).plus(SKEW));
    }

    @Test
    void anotherClientsRefreshTokenIsLeftAlone() {
        FamilyId family = new FamilyId("fam-other");
        String token = refreshToken(OTHER, family, NOW);

        RevocationResult result = revokeAsMyapp(token, Optional.of(TokenTypeHint.REFRESH_TOKEN));

        assertThat(result).isEqualTo(new RevocationResult.Done(Outcome.NOT_THE_CALLERS));
        assertThat(refreshTokens.find(OpaqueTokenHash.of(token), NOW).orElseThrow().state()).isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(revocations.until()).isEmpty();
    }

    @Test
    void theHintedTypeIsTriedFirstAndTheOtherOneAfterIt() {
        String refresh = refreshToken(MYAPP, new FamilyId("fam-hint"), NOW);
        AccessTokenClaims access = accessToken(MYAPP);

        revokeAsMyapp(refresh, Optional.of(TokenTypeHint.REFRESH_TOKEN));
        assertThat(verifier.verifications).as("found as hinted: the other type is never tried").hasValue(0);
        assertThat(refreshTokens.finds()).isEqualTo(1);

        revokeAsMyapp(compact(access), Optional.of(TokenTypeHint.REFRESH_TOKEN));
        assertThat(refreshTokens.finds()).as("a wrong hint costs one lookup").isEqualTo(2);
        assertThat(verifier.verifications).hasValue(1);
        assertThat(revocations.until()).containsKey(access.jwtId());

        String refresh2 = refreshToken(MYAPP, new FamilyId("fam-hint-2"), NOW);
        assertThat(revokeAsMyapp(refresh2, Optional.of(TokenTypeHint.ACCESS_TOKEN)))
                .as("a wrong hint is only a hint")
                .isEqualTo(new RevocationResult.Done(Outcome.REFRESH_TOKEN_FAMILY_REVOKED));
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void aClientThatFailsToAuthenticateIsRejectedAndNothingIsLookedUp() {
        AccessTokenClaims token = accessToken(MYAPP);

        RevocationResult result = service.revoke(new RevocationRequest(PresentedCredentials.basic(MYAPP, "wrong"),
                compact(token), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(RevocationResult.Rejected.class,
                r -> assertThat(r.error()).isEqualTo(OAuthError.INVALID_CLIENT));
        assertThat(verifier.verifications).hasValue(0);
        assertThat(refreshTokens.finds()).isEqualTo(0);
        assertThat(revocations.until()).isEmpty();
    }

    @Test
    void aRevocationListThatCannotAnswerIsAFailureNotASuccess() {
        AccessTokenClaims token = accessToken(MYAPP);
        revocations.failure = new BackendUnavailableException("redis", new RuntimeException("down"));

        assertThatThrownBy(() -> revokeAsMyapp(compact(token), Optional.empty()))
                .isInstanceOf(BackendUnavailableException.class);
    }
}
