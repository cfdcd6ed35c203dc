package dev.portcullis.bootstrap;

import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.adapters.crypto.SecureRandomSource;
import dev.portcullis.adapters.http.HttpAdapter;
import dev.portcullis.adapters.http.HttpSettings;
import dev.portcullis.adapters.http.HttpUseCases;
import dev.portcullis.adapters.http.TokenLifecycle;
import dev.portcullis.adapters.http.admin.AdminGate;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.issuer.IssuerSource;
import dev.portcullis.adapters.http.protocol.SecurityHeaders;
import dev.portcullis.adapters.http.error.EdgeErrorHandling;
import dev.portcullis.adapters.http.health.HealthRoutes;
import dev.portcullis.adapters.http.limits.ConnectionLimits;
import dev.portcullis.adapters.jose.CachingTokenVerifier;
import dev.portcullis.adapters.jose.CryptoProviders;
import dev.portcullis.adapters.jose.JosePublicKeys;
import dev.portcullis.adapters.jose.JoseTokenSigner;
import dev.portcullis.adapters.jose.JoseTokenVerifier;
import dev.portcullis.application.port.in.DescribeServer.ServerCapabilities;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.service.AccessTokenMinter;
import dev.portcullis.application.service.AuthenticateBearerService;
import dev.portcullis.application.service.CheckReadinessService;
import dev.portcullis.application.service.ClientAuthenticator;
import dev.portcullis.application.service.GrantStores;
import dev.portcullis.application.service.DescribeServerService;
import dev.portcullis.application.service.IssueTokenService;
import dev.portcullis.application.service.LimitRequestsService;
import dev.portcullis.application.service.PublishKeysService;
import dev.portcullis.application.service.RefreshTokenSettings;
import dev.portcullis.application.service.TokenSettings;
import dev.portcullis.application.service.UserAuthenticator;
import dev.portcullis.bootstrap.config.Profile;
import dev.portcullis.bootstrap.config.Settings;
import dev.portcullis.bootstrap.observability.Observability;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** One running Portcullis node: wires adapters and services by hand (DESIGN: only bootstrap sees them all). */
public final class PortcullisServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(PortcullisServer.class.getName());
    /** The listener of {@code management.port}, when configured. */
    private static final String MANAGEMENT_SOCKET = "management";

    private final WebServer web;
    private final Storage storage;

    private PortcullisServer(WebServer web, Storage storage) {
        this.web = web;
        this.storage = storage;
    }

    public static PortcullisServer start(Settings settings) {
        Observability.applyLogFormat(settings.observability().format()); // before the first record
        ProductionGuard.checkSettings(settings);
        CryptoProviders crypto = CryptoProviders.install();
        Clock clock = Clock.systemUTC();
        Storage opened = StorageFactory.open(settings, clock);
        try {
            return wire(settings, crypto, clock, opened);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static PortcullisServer wire(Settings settings, CryptoProviders crypto, Clock clock, Storage opened) {
        Observability observability = Observability.start(settings.observability());
        Storage storage = StorageFactory.timed(opened, settings.storage(), observability.backends());
        SecretHasher clientSecrets = SecretHashers.forClientSecrets(clock);
        SecretHasher passwords = SecretHashers.forPasswords(settings.users().bcryptCost(), clock);
        if (settings.profile() == Profile.DEV) {
            DevProfile.seed(storage.clients(), clientSecrets, storage.users(), passwords, settings.lifecycle().adminScope(),
                    settings.observability().metricsScope());
        }
        ProductionGuard.checkStore(settings, storage.clients(), clientSecrets);
        ProductionGuard.checkUsers(settings, storage.users(), passwords);
        SigningKeys.provision(settings.signing(), DevProfile.DEV_HS256_KEY, storage.keys(), clock);

        TokenSettings tokens = new TokenSettings(settings.tokens().accessTokenTtl(), settings.tokens().audience());
        JoseTokenSigner signer = new JoseTokenSigner(storage.keys(), clock, crypto, JoseTokenSigner.DEFAULT_REFRESH_INTERVAL);
        CachingTokenVerifier verifier = new CachingTokenVerifier(new JoseTokenVerifier(storage.keys(), clock, crypto,
                JoseTokenSigner.DEFAULT_REFRESH_INTERVAL, settings.tokens().clockSkew()), clock);
        SecureRandomSource random = new SecureRandomSource();
        AccessTokenMinter minter = new AccessTokenMinter(signer, random, clock, tokens);
        UserAuthenticator users = new UserAuthenticator(storage.users(), passwords);
        ClientAuthenticator clientAuthenticator = new ClientAuthenticator(storage.clients(), clientSecrets);
        IssueTokenService issueToken = new IssueTokenService(clientAuthenticator, users, storage.loginThrottle(), minter,
                new GrantStores(storage.clients(), storage.users(), storage.codes(), storage.refreshTokens(),
                        storage.revocations()), random, clock,
                new RefreshTokenSettings(settings.refreshTokens().idleTtl(), settings.refreshTokens().absoluteTtl()));

        AuthenticateBearerService bearers = new AuthenticateBearerService(verifier, storage.revocations(), tokens);
        JosePublicKeys publicKeys = new JosePublicKeys(storage.keys(), clock, crypto, JoseTokenSigner.DEFAULT_REFRESH_INTERVAL);
        HttpUseCases useCases = observability.useCases(new HttpUseCases(
                issueToken,
                bearers,
                new PublishKeysService(publicKeys),
                new DescribeServerService(capabilities(settings, storage), storage.clients(), clock),
                new CheckReadinessService(storage.probes()),
                Optional.of(AuthorizeWiring.endpoint(settings, storage, users, random, clock))));
        TokenLifecycle lifecycle = observability.lifecycle(LifecycleWiring.tokenLifecycle(settings, clock, storage,
                clientAuthenticator, verifier, bearers, () -> {
                    publicKeys.refresh();
                    signer.refresh();
                }));
        HttpAdapter http = new HttpAdapter(useCases, new HttpSettings(issuerSource(settings),
                settings.trustForwardedHeaders(),
                settings.discoveryEnabled(), settings.whoamiRequiredScope()), lifecycle,
                AdminWiring.useCases(storage, AdminWiring.clientRules(settings), clientSecrets, passwords, random, clock,
                        observability.audit(), settings.registration(),
                        settings.lifecycle().adminScope().union(settings.lifecycle().introspectionScope())))
                .withRequestLimits(observability.limitRequests(
                        new LimitRequestsService(storage.rateLimiter(), settings.rateLimits())))
                .withTokenRefusals(observability.tokenRefusals())
                .withConnectionLimits(connectionLimits(settings.server().connections()));
        IssuerSource issuers = issuerSource(settings);
        AdminGate metricsGate = new AdminGate(useCases.authenticateBearer(),
                new IssuerResolver(issuers, settings.trustForwardedHeaders()), settings.observability().metricsScope(),
                "metrics scrape");
        WebServerConfig.Builder server = WebServer.builder()
                .host(settings.server().host())
                .port(settings.server().port())
                .shutdownGracePeriod(settings.server().shutdownGracePeriod())
                .update(http::limits)
                .routing(routing -> {
                    http.connections(routing); // the first filter: it must see every answer leave
                    observability.routing(routing, metricsGate);
                    OpenApiDocument.routing(routing);
                    http.routing(routing);
                });
        settings.observability().management().ifPresent(management -> server.putSocket(MANAGEMENT_SOCKET, socket -> socket
                .host(management.host().orElse(settings.server().host()))
                .port(management.port())
                .shutdownGracePeriod(settings.server().shutdownGracePeriod())
                .routing(routing -> {
                    routing.addFilter(new SecurityHeaders());
                    EdgeErrorHandling.register(routing);
                    observability.managementRouting(routing);
                    routing.register(new HealthRoutes(useCases.checkReadiness()));
                })));
        WebServer web = server.build().start();
        Observability.applyLogFormat(settings.observability().format()); // again: Helidon re-reads logging.properties at start
        LOG.log(Level.INFO, "Portcullis listening on http://{0}:{1} (profile {2}, storage {3}, revocation {4}, signing {5})",
                settings.server().host(), String.valueOf(web.port()), settings.profile(), settings.storage().type(),
                settings.storage().revocation(), settings.signing().algorithm());
        if (settings.observability().management().isPresent()) {
            LOG.log(Level.INFO, "Management port (/metrics, /health) on http://{0}:{1}",
                    settings.observability().management().orElseThrow().host().orElse(settings.server().host()),
                    String.valueOf(web.port(MANAGEMENT_SOCKET)));
        }
        return new PortcullisServer(web, storage);
    }

    /**
     * The configured issuer; else the listed ones; else, in dev only (see {@link ProductionGuard}), any Host's, with
     * the loopback names as one issuer so that a token from {@code localhost} works at {@code 127.0.0.1}.
     */
    private static IssuerSource issuerSource(Settings settings) {
        if (settings.issuer().isPresent()) {
            return new IssuerSource.Configured(settings.issuer().get());
        }
        if (!settings.allowedIssuers().isEmpty()) {
            return new IssuerSource.Listed(settings.allowedIssuers());
        }
        return settings.profile() == Profile.DEV ? IssuerSource.anyHostWithOneLoopbackIssuer() : IssuerSource.anyHost();
    }

    private static ConnectionLimits connectionLimits(Settings.Connections connections) {
        return new ConnectionLimits(connections.idleTimeout(), connections.headerTimeout(), connections.bodyTimeout(),
                connections.maxConnections());
    }

    /** What discovery advertises: the grants /token serves and the scopes registered clients may ask for. */
    private static ServerCapabilities capabilities(Settings settings, Storage storage) {
        ScopeSet scopes = storage.clients().findAll().stream().map(Client::allowedScopes)
                .reduce(ScopeSet.empty(), ScopeSet::union);
        return new ServerCapabilities(
                List.of(GrantType.AUTHORIZATION_CODE, GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN),
                List.of(AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST, AuthMethod.NONE),
                scopes,
                Set.of(settings.signing().algorithm()));
    }

    public int port() {
        return web.port();
    }

    /** The management port, when {@code management.port} is configured. */
    public OptionalInt managementPort() {
        int port = web.port(MANAGEMENT_SOCKET); // -1: no such listener
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** The stores this node runs on: for tests that plant what another endpoint would have stored (e.g. a code). */
    Storage storage() {
        return storage;
    }

    /**
     * Graceful: stops accepting connections at once, lets requests in flight finish within
     * {@code server.shutdown-grace-period} (Helidon's listener grace period), then closes the stores.
     */
    @Override
    public void close() {
        web.stop();
        closeAll(storage);
    }

    private static void closeAll(Storage storage) {
        for (AutoCloseable resource : storage.resources()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + resource + " failed", e);
            }
        }
    }
}
