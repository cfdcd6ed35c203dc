package dev.portcullis.application.service;

import static dev.portcullis.application.service.TokenEndpoint.MYAPP;
import static dev.portcullis.application.service.TokenEndpoint.NOW;
import static dev.portcullis.application.service.TokenEndpoint.SOURCE;
import static dev.portcullis.application.service.TokenEndpoint.issued;
import static dev.portcullis.application.service.TokenEndpoint.myappCredentials;
import static dev.portcullis.application.service.TokenEndpoint.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6749 §4.3. */
class PasswordGrantTest {

    private final TokenEndpoint endpoint = new TokenEndpoint();

    private TokenResult password(String username, String password, ScopeSet requested) {
        return endpoint.issue(myappCredentials(), new PasswordGrant(new Username(username), password, requested));
    }

    @Test
    void theUserIsTheSubjectWithTheirRoles() {
        endpoint.register(endpoint.myapp()).admin();

        Issued issued = issued(password("admin", "secret", ScopeSet.empty()));

        AccessTokenClaims claims = issued.accessToken().claims();
        assertThat(claims.subject()).isEqualTo("admin");
        assertThat(claims.clientId()).isEqualTo(MYAPP);
        assertThat(claims.roles()).containsExactly("admin", "ops");
        assertThat(claims.scope()).as("the client's defaults").isEqualTo(ScopeSet.of("read"));
        assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(issued.scope()).isEqualTo(ScopeSet.of("read"));
    }

    @Test
    void aRefreshTokenStartsANewFamilyBoundToTheGrant() {
        endpoint.register(endpoint.myapp()).admin();

        Issued issued = issued(password("admin", "secret", ScopeSet.of("read", "write")));

        String value = issued.refreshToken().orElseThrow();
        RefreshToken stored = endpoint.stored(value);
        assertThat(stored.hash()).as("stored hashed").isEqualTo(OpaqueTokenHash.of(value));
        assertThat(endpoint.refreshTokens.all()).noneMatch(t -> t.hash().value().equals(value));
        assertThat(stored.clientId()).isEqualTo(MYAPP);
        assertThat(stored.subject()).isEqualTo("admin");
        assertThat(stored.roles()).containsExactly("admin", "ops");
        assertThat(stored.scope()).isEqualTo(ScopeSet.of("read", "write"));
        assertThat(stored.state()).isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(stored.accessTokenId()).as("the access token issued beside it").isEqualTo(issued.accessToken().claims().jwtId());
        assertThat(stored.issuedAt()).isEqualTo(NOW);
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(RefreshTokenSettings.DEFAULT_IDLE_TTL));
        assertThat(stored.familyExpiresAt()).isEqualTo(NOW.plus(RefreshTokenSettings.DEFAULT_ABSOLUTE_TTL));
    }

    @Test
    void everyPasswordGrantStartsItsOwnFamily() {
        endpoint.register(endpoint.myapp()).admin();

        RefreshToken first = endpoint.stored(issued(password("admin", "secret", ScopeSet.empty())).refreshToken().orElseThrow());
        RefreshToken second = endpoint.stored(issued(password("admin", "secret", ScopeSet.empty())).refreshToken().orElseThrow());

        assertThat(first.family()).isNotEqualTo(second.family());
    }

    @Test
    void theIdleLimitNeverPassesTheAbsoluteOne() {
        endpoint.refreshSettings = new RefreshTokenSettings(Duration.ofDays(10), Duration.ofDays(2));
        endpoint.register(endpoint.myapp()).admin();

        RefreshToken stored = endpoint.stored(issued(password("admin", "secret", ScopeSet.empty())).refreshToken().orElseThrow());

        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(2))).isEqualTo(stored.familyExpiresAt());
    }

    @Test
    void noRefreshTokenWhenTheClientLacksTheRefreshGrant() {
        endpoint.register(endpoint.myapp().grantTypes(EnumSet.of(GrantType.PASSWORD))).admin();

        Issued issued = issued(password("admin", "secret", ScopeSet.empty()));

        assertThat(issued.refreshToken()).isEmpty();
        assertThat(endpoint.refreshTokens.all()).isEmpty();
    }

    @Test
    void aRequestedScopeWithinTheClientsIsGranted() {
        endpoint.register(endpoint.myapp()).admin();

        assertThat(issued(password("admin", "secret", ScopeSet.of("write"))).scope()).isEqualTo(ScopeSet.of("write"));
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserAreInvalidGrant() {
        endpoint.register(endpoint.myapp()).admin().user("gone", "secret", User.Status.DISABLED, "admin");

        assertThat(List.of(
                password("admin", "wrong", ScopeSet.empty()),
                password("nobody", "secret", ScopeSet.empty()),
                password("gone", "secret", ScopeSet.empty())))
                .allSatisfy(result -> assertThat(rejection(result)).isEqualTo(OAuthError.INVALID_GRANT));
        assertThat(endpoint.signer.signed).isEmpty();
        assertThat(endpoint.refreshTokens.all()).isEmpty();
    }

    @Test
    void everyFailureIsCountedForTheUsernameAndSourceAndASuccessEndsTheStreak() {
        endpoint.register(endpoint.myapp()).admin().user("gone", "secret", User.Status.DISABLED, "admin");

        password("admin", "wrong", ScopeSet.empty());
        password("nobody", "secret", ScopeSet.empty());
        password("gone", "secret", ScopeSet.empty());
        issued(password("admin", "secret", ScopeSet.empty()));

        assertThat(endpoint.throttle.events).containsExactly("failure admin@" + SOURCE, "failure nobody@" + SOURCE,
                "failure gone@" + SOURCE, "success admin@" + SOURCE);
    }

    @Test
    void aLockedOutUsernameIsThrottledBeforeAnyPasswordIsCheckedEvenTheRightOne() {
        endpoint.register(endpoint.myapp()).admin();
        endpoint.throttle.locked.put("admin@" + SOURCE, Duration.ofSeconds(30));

        TokenResult result = password("admin", "secret", ScopeSet.empty());

        assertThat(result).isEqualTo(new TokenResult.Throttled(Duration.ofSeconds(30)));
        assertThat(endpoint.passwords.checks.get()).isZero();
        assertThat(endpoint.throttle.events).as("a refused attempt neither counts nor ends the streak").isEmpty();
        assertThat(endpoint.signer.signed).isEmpty();
    }

    @Test
    void aLockOnAnotherSourceOrUsernameDoesNotApply() {
        endpoint.register(endpoint.myapp()).admin();
        endpoint.throttle.locked.put("admin@198.51.100.7", Duration.ofSeconds(30));
        endpoint.throttle.locked.put("bob@" + SOURCE, Duration.ofSeconds(30));

        issued(password("admin", "secret", ScopeSet.empty()));
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorizedClientBeforeAnyPasswordIsChecked() {
        endpoint.register(endpoint.myapp().grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS))).admin();

        TokenResult result = password("admin", "secret", ScopeSet.empty());

        assertThat(rejection(result)).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(endpoint.passwords.checks.get()).isZero();
    }

    @Test
    void aScopeBeyondTheClientsIsInvalidScopeBeforeAnyPasswordIsChecked() {
        endpoint.register(endpoint.myapp()).admin();

        TokenResult result = password("admin", "secret", ScopeSet.of("admin"));

        assertThat(rejection(result)).isEqualTo(OAuthError.INVALID_SCOPE);
        assertThat(endpoint.passwords.checks.get()).isZero();
    }

    @Test
    void aWrongClientSecretIsInvalidClientBeforeAnyPasswordIsChecked() {
        endpoint.register(endpoint.myapp()).admin();

        TokenResult result = endpoint.issue(dev.portcullis.domain.client.PresentedCredentials.basic(MYAPP, "wrong"),
                new PasswordGrant(new Username("admin"), "secret", ScopeSet.empty()));

        assertThat(rejection(result)).isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(endpoint.passwords.checks.get()).isZero();
    }
}
