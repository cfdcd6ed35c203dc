package dev.portcullis.adapters.http.support;

import dev.portcullis.adapters.http.authorize.AuthorizationSessions;
import dev.portcullis.adapters.http.authorize.AuthorizeEndpoint;
import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MapUserRepository;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.service.AuthorizationSettings;
import dev.portcullis.application.service.LogInService;
import dev.portcullis.application.service.UserAuthenticator;
import dev.portcullis.application.service.ValidateAuthorizationRequestService;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.domain.user.LoginThrottlePolicy.Streak;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real authorization use cases over small in-test stores, for the HTTP tests of
 * {@code /authorize}. Clients: {@value #SPA} (public; loopback and web redirect URIs; scopes
 * read write), {@value #ONE_URI} (one registered URI with a query), {@value #SERVICE}
 * (client_credentials only). User {@value #USER} / {@value #PASSWORD}. Stores can be taken down.
 */
public final class AuthorizeFixture {

    public static final String SPA = "spa";
    public static final String ONE_URI = "one-uri";
    public static final String SERVICE = "service";
    public static final String USER = "admin";
    public static final String PASSWORD = "secret";
    public static final URI WEB_CALLBACK = URI.create("https://app.example/callback");
    public static final URI LOOPBACK_CALLBACK = URI.create("http://127.0.0.1/callback");
    public static final URI QUERY_CALLBACK = URI.create("https://one.example/cb?tenant=a");
    public static final Duration SESSION_TTL = Duration.ofMinutes(10);
    public static final LoginThrottlePolicy THROTTLE = new LoginThrottlePolicy(3, Duration.ofMinutes(5),
            Duration.ofSeconds(30), Duration.ofMinutes(15));

    public final MutableClock clock = MutableClock.at(Instant.parse("2026-06-01T08:00:00Z"));
    public final MapClientRepository clients = new MapClientRepository();
    public final MapUserRepository users = new MapUserRepository();
    public final Codes codes = new Codes();
    public final Throttle throttle = new Throttle();
    public final byte[] sessionKey = randomKey();
    public final AuthorizeEndpoint endpoint;

    public AuthorizeFixture() {
        clients.save(Client.publicClient(new ClientId(SPA))
                .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN))
                .redirectUris(List.of(WEB_CALLBACK, LOOPBACK_CALLBACK))
                .allowedScopes(ScopeSet.of("read", "write"))
                .build());
        clients.save(Client.publicClient(new ClientId(ONE_URI)).redirectUris(List.of(QUERY_CALLBACK)).build());
        clients.save(Client.confidential(new ClientId(SERVICE), new SecretHash("$plain$x"))
                .redirectUris(List.of(WEB_CALLBACK)).build());
        users.save(new User(new Username(USER), PLAIN.hash(PASSWORD), List.of("admin"), User.Status.ENABLED));
        endpoint = new AuthorizeEndpoint(
                new ValidateAuthorizationRequestService(clients, dev.portcullis.domain.client.RedirectUriPolicy.STRICT),
                new LogInService(clients, new UserAuthenticator(users, PLAIN), throttle, codes,
                        bytes -> token(bytes), clock, AuthorizationSettings.defaults()),
                new AuthorizationSessions(sessionKey, SESSION_TTL, clock));
    }

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String token(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** Hashes as {@code $plain$<secret>}. */
    public static final SecretHasher PLAIN = new SecretHasher() {
        @Override
        public SecretHash hash(String secret) {
            return new SecretHash("$plain$" + secret);
        }

        @Override
        public boolean matches(String secret, SecretHash hash) {
            return hash.encoded().equals("$plain$" + secret);
        }
    };

    public static final class Codes implements AuthorizationCodeStore {
        public final List<AuthorizationCode> saved = new CopyOnWriteArrayList<>();
        /** When set, saving fails with an unexpected exception (a bug, not an outage). */
        public volatile boolean broken;

        @Override
        public void save(AuthorizationCode code) {
            if (broken) {
                throw new IllegalStateException("code store bug");
            }
            saved.add(code);
        }

        @Override
        public Redemption redeem(OpaqueTokenHash hash, Instant now) {
            throw new UnsupportedOperationException("/token is not under test here");
        }

        public Optional<AuthorizationCode> find(String code) {
            OpaqueTokenHash hash = OpaqueTokenHash.of(code);
            return saved.stream().filter(c -> c.hash().equals(hash)).findFirst();
        }
    }

    /** The policy over a map: enough for HTTP tests (the memory adapter passes the contract suite). */
    public final class Throttle implements LoginThrottle {
        private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

        @Override
        public Optional<Duration> retryAfter(Username username, String source) {
            Streak streak = streaks.get(username.value() + "@" + source);
            return streak == null ? Optional.empty() : THROTTLE.retryAfter(streak, clock.instant());
        }

        @Override
        public void recordFailure(Username username, String source) {
            streaks.compute(username.value() + "@" + source,
                    (key, before) -> THROTTLE.fail(Optional.ofNullable(before), clock.instant()));
        }

        @Override
        public void recordSuccess(Username username, String source) {
            streaks.remove(username.value() + "@" + source);
        }
    }
}
