package dev.portcullis.application.service;

import static dev.portcullis.application.service.TokenEndpoint.MYAPP;
import static dev.portcullis.application.service.TokenEndpoint.NOW;
import static dev.portcullis.application.service.TokenEndpoint.issued;
import static dev.portcullis.application.service.TokenEndpoint.myappCredentials;
import static dev.portcullis.application.service.TokenEndpoint.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.out.contract.MapRefreshTokenStore;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** RFC 6749 §6 with rotation and reuse detection (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2). */
class RefreshTokenGrantTest {

    private final TokenEndpoint endpoint = new TokenEndpoint();

    /** A password grant for admin with scopes read write: the refresh token it returned. */
    private Issued granted() {
        return issued(endpoint.issue(myappCredentials(),
                new PasswordGrant(new Username("admin"), "secret", ScopeSet.of("read", "write"))));
    }

    private TokenResult refresh(String refreshToken, ScopeSet requested) {
        return endpoint.issue(myappCredentials(), new RefreshTokenGrant(refreshToken, requested));
    }

    private TokenResult refresh(String refreshToken) {
        return refresh(refreshToken, ScopeSet.empty());
    }

    private void setUp() {
        endpoint.register(endpoint.myapp()).admin();
    }

    @Test
    void aRefreshRotatesTheTokenWithinItsFamily() {
        setUp();
        Issued first = granted();
        String old = first.refreshToken().orElseThrow();
        endpoint.clock.advance(Duration.ofHours(3));

        Issued next = issued(refresh(old));

        String fresh = next.refreshToken().orElseThrow();
        assertThat(fresh).isNotEqualTo(old);
        RefreshToken previous = endpoint.stored(old);
        RefreshToken successor = endpoint.stored(fresh);
        assertThat(previous.state()).isEqualTo(RefreshToken.State.ROTATED);
        assertThat(successor.state()).isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(successor.family()).isEqualTo(previous.family());
        assertThat(successor.clientId()).isEqualTo(MYAPP);
        assertThat(successor.subject()).isEqualTo("admin");
        assertThat(successor.scope()).isEqualTo(ScopeSet.of("read", "write"));
        assertThat(successor.issuedAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(successor.expiresAt()).as("a new idle period").isEqualTo(NOW.plus(Duration.ofHours(3)).plus(Duration.ofDays(1)));
        assertThat(successor.familyExpiresAt()).as("the family's limit stays").isEqualTo(previous.familyExpiresAt());
        assertThat(successor.accessTokenId()).isEqualTo(next.accessToken().claims().jwtId())
                .isNotEqualTo(first.accessToken().claims().jwtId());
        assertThat(next.accessToken().claims().subject()).isEqualTo("admin");
        assertThat(next.accessToken().claims().roles()).containsExactly("admin", "ops");
        assertThat(next.scope()).isEqualTo(ScopeSet.of("read", "write"));
    }

    @Test
    void theSuccessorRotatesInTurn() {
        setUp();
        String first = granted().refreshToken().orElseThrow();
        String second = issued(refresh(first)).refreshToken().orElseThrow();

        assertThat(issued(refresh(second)).refreshToken()).isPresent();
    }

    @Test
    void aNarrowerScopeNarrowsTheAccessTokenButNotTheGrant() {
        setUp();
        String first = granted().refreshToken().orElseThrow();

        Issued narrowed = issued(refresh(first, ScopeSet.of("read")));

        assertThat(narrowed.scope()).isEqualTo(ScopeSet.of("read"));
        assertThat(narrowed.accessToken().claims().scope()).isEqualTo(ScopeSet.of("read"));
        String second = narrowed.refreshToken().orElseThrow();
        assertThat(endpoint.stored(second).scope()).as("RFC 6749 §6: identical to the presented token's")
                .isEqualTo(ScopeSet.of("read", "write"));
        assertThat(issued(refresh(second)).scope()).isEqualTo(ScopeSet.of("read", "write"));
    }

    @Test
    void aWiderScopeIsInvalidScopeAndLeavesTheTokenUsable() {
        setUp();
        endpoint.register(endpoint.myapp().allowedScopes(ScopeSet.of("read", "write", "admin")));
        String token = granted().refreshToken().orElseThrow();

        assertThat(rejection(refresh(token, ScopeSet.of("read", "admin")))).isEqualTo(OAuthError.INVALID_SCOPE);
        assertThat(endpoint.stored(token).state()).isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(issued(refresh(token)).scope()).isEqualTo(ScopeSet.of("read", "write"));
    }

    @Test
    void reusingARotatedTokenIsInvalidGrantAndRevokesTheWholeFamily() {
        setUp();
        Issued first = granted();
        String old = first.refreshToken().orElseThrow();
        Issued second = issued(refresh(old));
        String newest = second.refreshToken().orElseThrow();
        endpoint.clock.advance(Duration.ofMinutes(1));

        TokenResult reuse = refresh(old);

        assertThat(rejection(reuse)).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.stored(newest).state()).isEqualTo(RefreshToken.State.REVOKED);
        assertThat(rejection(refresh(newest))).as("the newest token of the family fails too").isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.revocations.isRevoked(first.accessToken().claims().jwtId())).isTrue();
        assertThat(endpoint.revocations.isRevoked(second.accessToken().claims().jwtId())).isTrue();
        assertThat(endpoint.revocations.until().get(second.accessToken().claims().jwtId()))
                .isEqualTo(NOW.plus(Duration.ofMinutes(1)).plusSeconds(900));
    }

    @Test
    void reuseIsDetectedBeforeTheScopeIsLookedAt() {
        setUp();
        String old = granted().refreshToken().orElseThrow();
        String newest = issued(refresh(old)).refreshToken().orElseThrow();

        TokenResult reuse = refresh(old, ScopeSet.of("read", "write", "admin"));

        assertThat(rejection(reuse)).as("reuse, not a scope error").isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.stored(newest).state()).isEqualTo(RefreshToken.State.REVOKED);
    }

    @Test
    void anotherFamilyIsUntouchedByAReuse() {
        setUp();
        String other = granted().refreshToken().orElseThrow();
        String old = granted().refreshToken().orElseThrow();
        refresh(old);

        refresh(old);

        assertThat(issued(refresh(other)).refreshToken()).isPresent();
    }

    @Test
    void aTokenOfAnotherClientIsInvalidGrantAndRevokesNothing() {
        setUp();
        endpoint.register(endpoint.spa());
        String token = granted().refreshToken().orElseThrow();

        TokenResult stolen = endpoint.issue(PresentedCredentials.publicClient(new ClientId("spa")), new RefreshTokenGrant(token, ScopeSet.empty()));

        assertThat(rejection(stolen)).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.revocations.until()).isEmpty();
        assertThat(endpoint.stored(token).state()).isEqualTo(RefreshToken.State.ACTIVE);
    }

    @Test
    void anUnknownTokenIsInvalidGrant() {
        setUp();

        assertThat(rejection(refresh("no-such-token"))).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void aTokenUnusedForItsIdleLifetimeIsInvalidGrant() {
        setUp();
        String token = granted().refreshToken().orElseThrow();
        endpoint.clock.advance(RefreshTokenSettings.DEFAULT_IDLE_TTL);

        assertThat(rejection(refresh(token))).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void noRotationOutlivesTheFamily() {
        endpoint.refreshSettings = new RefreshTokenSettings(Duration.ofHours(24), Duration.ofHours(36));
        setUp();
        String first = granted().refreshToken().orElseThrow();
        endpoint.clock.advance(Duration.ofHours(20));

        String second = issued(refresh(first)).refreshToken().orElseThrow();

        assertThat(endpoint.stored(second).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(36)));
        endpoint.clock.set(NOW.plus(Duration.ofHours(36)).minusSeconds(1));
        String third = issued(refresh(second)).refreshToken().orElseThrow();
        endpoint.clock.set(NOW.plus(Duration.ofHours(36)));
        assertThat(rejection(refresh(third))).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void aDisabledOrDeletedUserCannotRefresh() {
        setUp();
        String disabled = granted().refreshToken().orElseThrow();
        endpoint.user("admin", "secret", User.Status.DISABLED, "admin");

        assertThat(rejection(refresh(disabled))).isEqualTo(OAuthError.INVALID_GRANT);

        endpoint.admin();
        String deleted = granted().refreshToken().orElseThrow();
        endpoint.users.delete(new Username("admin"));
        assertThat(rejection(refresh(deleted))).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void theNewTokensCarryTheUsersCurrentRoles() {
        setUp();
        String token = granted().refreshToken().orElseThrow();
        endpoint.user("admin", "secret", User.Status.ENABLED, "auditor");

        Issued next = issued(refresh(token));

        assertThat(next.accessToken().claims().roles()).containsExactly("auditor");
        assertThat(endpoint.stored(next.refreshToken().orElseThrow()).roles()).containsExactly("auditor");
    }

    @Test
    void aClientWithoutTheRefreshGrantIsUnauthorizedClient() {
        setUp();
        String token = granted().refreshToken().orElseThrow();
        endpoint.register(endpoint.myapp().grantTypes(EnumSet.of(GrantType.PASSWORD)));

        assertThat(rejection(refresh(token))).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(endpoint.stored(token).state()).isEqualTo(RefreshToken.State.ACTIVE);
    }

    @Test
    void losingARotationRaceIsReuseAndRevokesTheFamily() {
        endpoint.refreshTokens = new MapRefreshTokenStore() {
            @Override
            public synchronized Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
                // another node rotates the same token between our find and our rotate
                RefreshToken winner = new RefreshToken(OpaqueTokenHash.of("winner-" + now), successor.family(),
                        successor.clientId(), successor.subject(), successor.roles(), successor.scope(), now,
                        successor.expiresAt(), successor.familyExpiresAt(), new dev.portcullis.domain.token.TokenId("winner-jti"),
                        RefreshToken.State.ACTIVE);
                super.rotate(presented, winner, now);
                return super.rotate(presented, successor, now);
            }
        };
        setUp();
        String token = granted().refreshToken().orElseThrow();

        assertThat(rejection(refresh(token))).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.revocations.isRevoked(new dev.portcullis.domain.token.TokenId("winner-jti"))).isTrue();
        assertThat(endpoint.refreshTokens.all()).allSatisfy(t -> assertThat(t.state()).isEqualTo(RefreshToken.State.REVOKED));
    }

    @Test
    void aTokenThatExpiresDuringTheRotationIsInvalidGrantAndRevokesNothing() {
        endpoint.refreshTokens = new MapRefreshTokenStore() {
            @Override
            public synchronized Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
                return new Rotation.Unknown();
            }
        };
        setUp();
        String token = granted().refreshToken().orElseThrow();

        assertThat(rejection(refresh(token))).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.revocations.until()).isEmpty();
        assertThat(endpoint.signer.signed).hasSize(1);
    }
}
