package dev.portcullis.application.service;

import dev.portcullis.application.port.in.AuthorizationContext;
import dev.portcullis.application.port.in.LogIn;
import dev.portcullis.application.port.in.RedirectError;
import dev.portcullis.application.port.in.ShowError;
import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.service.UserAuthenticator.Authentication;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.RedirectUriRule;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Signs the user in and, on success, issues the authorization code (RFC 6749 §4.1.2). There is no
 * separate consent step: the login page names the client and the scopes, and signing in approves them.
 *
 * <ol>
 *   <li>The client is checked again, as it may have changed since the page was shown: gone, or the
 *       redirect URI no longer registered → {@link ShowError}; grant or scope withdrawn →
 *       {@link RedirectError}.</li>
 *   <li>A throttled username+source pair gets {@link LogIn.Throttled} before any password check.</li>
 *   <li>The password is checked once ({@link UserAuthenticator}); a failure is counted.</li>
 *   <li>The code: {@value #CODE_BYTES} random bytes, stored only as its hash, bound to client,
 *       redirect URI, PKCE challenge, user, roles and scope, with the ids of the tokens it will
 *       yield chosen now (so a replay can revoke them).</li>
 * </ol>
 */
public final class LogInService implements LogIn {

    /** 256 bits: far beyond the 128 RFC 6749 §10.10 and RFC 9700 ask for. */
    static final int CODE_BYTES = 32;
    private static final int ID_BYTES = 16;

    private final ClientRepository clients;
    private final UserAuthenticator users;
    private final LoginThrottle throttle;
    private final AuthorizationCodeStore codes;
    private final RandomSource random;
    private final Clock clock;
    private final AuthorizationSettings settings;

    public LogInService(ClientRepository clients, UserAuthenticator users, LoginThrottle throttle,
                        AuthorizationCodeStore codes, RandomSource random, Clock clock, AuthorizationSettings settings) {
        this.clients = clients;
        this.users = users;
        this.throttle = throttle;
        this.codes = codes;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public LoginResult logIn(LoginAttempt attempt) {
        AuthorizationContext context = attempt.context();
        Optional<LoginResult> stale = recheckClient(context);
        if (stale.isPresent()) {
            return stale.get();
        }
        if (attempt.password().isEmpty() || !isUsername(attempt.username())) {
            return new LoginFailed("no password, or the username is blank or malformed");
        }
        Username username = new Username(attempt.username());
        Optional<Duration> retryAfter = throttle.retryAfter(username, attempt.source());
        if (retryAfter.isPresent()) {
            return new Throttled(retryAfter.get());
        }
        return switch (users.authenticate(username, attempt.password())) {
            case Authentication.Failed failed -> {
                throttle.recordFailure(username, attempt.source());
                yield new LoginFailed(failed.reason());
            }
            case Authentication.Authenticated authenticated -> {
                throttle.recordSuccess(username, attempt.source());
                yield issueCode(context, authenticated.user());
            }
        };
    }

    private Optional<LoginResult> recheckClient(AuthorizationContext context) {
        Optional<Client> found = clients.findById(context.clientId());
        if (found.isEmpty()) {
            return Optional.of(new ShowError(ShowError.Problem.INVALID_CLIENT, "client " + context.clientId() + " is gone"));
        }
        Client client = found.get();
        if (RedirectUriRule.resolve(client.redirectUris(), Optional.of(context.redirectUri().toString())).isEmpty()) {
            return Optional.of(new ShowError(ShowError.Problem.INVALID_REDIRECT_URI,
                    "redirect URI no longer registered for client " + client.id()));
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            return Optional.of(new RedirectError(context.redirectUri(), OAuthError.UNAUTHORIZED_CLIENT,
                    "client " + client.id() + " may no longer use authorization_code", context.state()));
        }
        if (!client.allowedScopes().containsAll(context.scope())) {
            return Optional.of(new RedirectError(context.redirectUri(), OAuthError.INVALID_SCOPE,
                    "client " + client.id() + " may no longer have " + context.scope(), context.state()));
        }
        return Optional.empty();
    }

    private CodeIssued issueCode(AuthorizationContext context, User user) {
        String code = random.nextToken(CODE_BYTES);
        codes.save(new AuthorizationCode(
                OpaqueTokenHash.of(code),
                context.clientId(),
                context.redirectUri(),
                context.challenge(),
                user.username().value(),
                user.roles(),
                context.scope(),
                clock.instant().plus(settings.codeTtl()),
                new TokenId(random.nextToken(ID_BYTES)),
                new FamilyId(random.nextToken(ID_BYTES))));
        return new CodeIssued(context.redirectUri(), code, context.state());
    }

    private static boolean isUsername(String value) {
        try {
            new Username(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
