package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.in.AuthorizationContext;
import dev.portcullis.application.port.in.LogIn.CodeIssued;
import dev.portcullis.application.port.in.LogIn.LoginAttempt;
import dev.portcullis.application.port.in.LogIn.LoginFailed;
import dev.portcullis.application.port.in.LogIn.LoginResult;
import dev.portcullis.application.port.in.LogIn.Throttled;
import dev.portcullis.application.port.in.RedirectError;
import dev.portcullis.application.port.in.ShowError;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.contract.Clients;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MapUserRepository;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.service.Fakes.PlainSecretHasher;
import dev.portcullis.application.service.LoginFakes.RecordingThrottle;
import dev.portcullis.application.service.LoginFakes.SavedCodes;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogInServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final URI CALLBACK = URI.create("http://127.0.0.1:4711/callback");
    private static final PkceChallenge CHALLENGE = PkceChallenge.fromVerifier(AuthorizationRequests.VERIFIER);
    private static final AuthorizationContext CONTEXT = new AuthorizationContext(new ClientId("spa"), CALLBACK, CHALLENGE,
            ScopeSet.of("read"), Optional.of("xyz"));
    private static final String FROM = "192.0.2.10";

    private final MapClientRepository clients = new MapClientRepository();
    private final MapUserRepository users = new MapUserRepository();
    private final PlainSecretHasher hasher = new PlainSecretHasher();
    private final RecordingThrottle throttle = new RecordingThrottle();
    private final SavedCodes codes = new SavedCodes();
    private final List<Integer> randomSizes = new ArrayList<>();
    private final RandomSource random = bytes -> {
        randomSizes.add(bytes);
        return "r" + randomSizes.size() + "-" + bytes;
    };
    private final LogInService service = new LogInService(clients, new UserAuthenticator(users, hasher), throttle, codes,
            random, MutableClock.at(NOW), new AuthorizationSettings(Duration.ofSeconds(60)));

    private static Client.Builder spa() {
        return Clients.publicClient("spa")
                .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN))
                .redirectUris(List.of(URI.create("http://127.0.0.1/callback")))
                .allowedScopes(ScopeSet.of("read", "write"));
    }

    @BeforeEach
    void seed() {
        clients.save(spa().build());
        users.save(new User(new Username("admin"), hasher.hash("secret"), List.of("admin", "ops"), User.Status.ENABLED));
        users.save(new User(new Username("gone"), hasher.hash("secret"), List.of(), User.Status.DISABLED));
    }

    private LoginResult logIn(String username, String password) {
        return service.logIn(new LoginAttempt(CONTEXT, username, password, FROM));
    }

    @Test
    void theRightPasswordIssuesACodeBoundToEverythingItMustBeBoundTo() {
        LoginResult result = logIn("admin", "secret");

        assertThat(result).isInstanceOf(CodeIssued.class);
        CodeIssued issued = (CodeIssued) result;
        assertThat(issued.redirectUri()).isEqualTo(CALLBACK);
        assertThat(issued.state()).contains("xyz");
        assertThat(codes.saved).hasSize(1);
        AuthorizationCode code = codes.saved.getFirst();
        assertThat(code.hash()).isEqualTo(OpaqueTokenHash.of(issued.code()));
        assertThat(code.hash().value()).isNotEqualTo(issued.code());
        assertThat(code.clientId()).isEqualTo(new ClientId("spa"));
        assertThat(code.redirectUri()).isEqualTo(CALLBACK);
        assertThat(code.challenge()).isEqualTo(CHALLENGE);
        assertThat(code.subject()).isEqualTo("admin");
        assertThat(code.roles()).containsExactly("admin", "ops");
        assertThat(code.scope()).isEqualTo(ScopeSet.of("read"));
        assertThat(code.expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(List.of(code.accessTokenId().value(), code.refreshFamily().value(), issued.code())).doesNotHaveDuplicates();
    }

    @Test
    void theCodeIs256RandomBitsAndTheTokenIds128() {
        logIn("admin", "secret");

        assertThat(randomSizes).containsExactly(32, 16, 16);
    }

    @Test
    void theCodeLivesAsLongAsConfigured() {
        LogInService tenSeconds = new LogInService(clients, new UserAuthenticator(users, hasher), throttle, codes, random,
                MutableClock.at(NOW), new AuthorizationSettings(Duration.ofSeconds(10)));

        tenSeconds.logIn(new LoginAttempt(CONTEXT, "admin", "secret", FROM));

        assertThat(codes.saved.getFirst().expiresAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void aSuccessEndsTheFailureStreak() {
        logIn("admin", "secret");

        assertThat(throttle.events).containsExactly("success admin@" + FROM);
    }

    @Test
    void noStateStaysNoState() {
        AuthorizationContext stateless = new AuthorizationContext(CONTEXT.clientId(), CALLBACK, CHALLENGE, CONTEXT.scope(),
                Optional.empty());

        LoginResult result = service.logIn(new LoginAttempt(stateless, "admin", "secret", FROM));

        assertThat(result).isInstanceOfSatisfying(CodeIssued.class, issued -> assertThat(issued.state()).isEmpty());
    }

    @Test
    void aWrongPasswordFailsIsCountedAndIssuesNothing() {
        assertThat(logIn("admin", "wrong")).isInstanceOf(LoginFailed.class);
        assertThat(throttle.events).containsExactly("failure admin@" + FROM);
        assertThat(codes.saved).isEmpty();
    }

    @Test
    void anUnknownOrDisabledUserFailsTheSameWay() {
        assertThat(logIn("nobody", "secret")).isInstanceOf(LoginFailed.class);
        assertThat(logIn("gone", "secret")).isInstanceOf(LoginFailed.class);
        assertThat(throttle.events).containsExactly("failure nobody@" + FROM, "failure gone@" + FROM);
        assertThat(codes.saved).isEmpty();
    }

    @Test
    void aBlankOrMalformedUsernameOrAnEmptyPasswordFailsWithoutAPasswordCheck() {
        int before = hasher.checks.get();

        assertThat(List.of(logIn("", "secret"), logIn("  ", "secret"), logIn("ad\u0000min", "secret"), logIn("admin", "")))
                .allSatisfy(result -> assertThat(result).isInstanceOf(LoginFailed.class));
        assertThat(hasher.checks.get()).isEqualTo(before);
        assertThat(codes.saved).isEmpty();
    }

    @Test
    void aThrottledPairIsRefusedBeforeThePasswordIsChecked() {
        throttle.locked.put("admin@" + FROM, Duration.ofSeconds(30));
        int before = hasher.checks.get();

        assertThat(logIn("admin", "secret")).isEqualTo(new Throttled(Duration.ofSeconds(30)));
        assertThat(hasher.checks.get()).isEqualTo(before);
        assertThat(throttle.events).isEmpty();
        assertThat(codes.saved).isEmpty();
    }

    @Test
    void aClientGoneSinceThePageWasShownIsShownAsAnError() {
        clients.delete(new ClientId("spa"));

        assertThat(logIn("admin", "secret")).isInstanceOfSatisfying(ShowError.class,
                e -> assertThat(e.problem()).isEqualTo(ShowError.Problem.INVALID_CLIENT));
        assertThat(codes.saved).isEmpty();
    }

    @Test
    void aRedirectUriUnregisteredSinceIsShownAsAnError() {
        clients.save(spa().redirectUris(List.of(URI.create("https://app.example/cb"))).build());

        assertThat(logIn("admin", "secret")).isInstanceOfSatisfying(ShowError.class,
                e -> assertThat(e.problem()).isEqualTo(ShowError.Problem.INVALID_REDIRECT_URI));
    }

    @Test
    void aGrantWithdrawnSinceIsRedirectedAsUnauthorizedClient() {
        clients.save(Clients.confidential("spa").redirectUris(List.of(URI.create("http://127.0.0.1/callback")))
                .allowedScopes(ScopeSet.of("read")).build());

        assertThat(logIn("admin", "secret")).isEqualTo(new RedirectError(CALLBACK, OAuthError.UNAUTHORIZED_CLIENT,
                "client spa may no longer use authorization_code", Optional.of("xyz")));
    }

    @Test
    void aScopeWithdrawnSinceIsRedirectedAsInvalidScope() {
        clients.save(spa().allowedScopes(ScopeSet.of("write")).build());

        assertThat(logIn("admin", "secret")).isInstanceOfSatisfying(RedirectError.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_SCOPE));
        assertThat(codes.saved).isEmpty();
    }

    @Test
    void aUserStoreOutageIsAFailureNotAFailedLogin() {
        users.down = true;

        assertThatThrownBy(() -> logIn("admin", "secret")).isInstanceOf(BackendUnavailableException.class);
        assertThat(throttle.events).isEmpty();
    }

    @Test
    void theAttemptNeverPrintsThePassword() {
        assertThat(new LoginAttempt(CONTEXT, "admin", "hunter2", FROM).toString()).doesNotContain("hunter2");
        assertThat(new CodeIssued(CALLBACK, "the-code", Optional.empty()).toString()).doesNotContain("the-code");
    }
}
