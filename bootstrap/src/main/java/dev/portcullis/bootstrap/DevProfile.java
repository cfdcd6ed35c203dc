package dev.portcullis.bootstrap;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;

/**
 * The embedded default's well-known credentials, so the README's examples work verbatim.
 * DEV ONLY: {@link ProductionGuard} refuses to start any other profile while they exist.
 */
final class DevProfile {

    static final ClientId DEV_CLIENT_ID = new ClientId("myapp");
    /** Clearly marked dev secret: public in the README, never valid outside the dev profile. */
    static final String DEV_CLIENT_SECRET = "secret";
    /**
     * The dev client that may call the admin API: client_credentials for the admin scope, with the dev secret; it may
     * also ask for the metrics scope, to scrape /metrics.
     */
    static final ClientId DEV_ADMIN_ID = new ClientId("dev-admin");
    /** The clients that carry {@link #DEV_CLIENT_SECRET}. */
    static final List<ClientId> DEV_CONFIDENTIAL_CLIENTS = List.of(DEV_CLIENT_ID, DEV_ADMIN_ID);
    /** The public browser client of the worked examples: no secret, PKCE binds its codes. */
    static final ClientId DEV_SPA_ID = new ClientId("spa");
    /** Loopback redirect URIs: any port matches them (RFC 8252 §7.3). */
    static final List<URI> DEV_SPA_REDIRECT_URIS =
            List.of(URI.create("http://127.0.0.1/callback"), URI.create("http://localhost/callback"));
    static final Username DEV_USERNAME = new Username("admin");
    /** Clearly marked dev password: public in the README, refused outside the dev profile. */
    static final String DEV_PASSWORD = "secret";
    /** Clearly marked dev HS256 key (256 bits), used only when HS256 is chosen in dev without a key. */
    static final byte[] DEV_HS256_KEY = "portcullis-dev-hs256-key-NOT-FOR-PRODUCTION".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final Logger LOG = System.getLogger(DevProfile.class.getName());

    private DevProfile() {
    }

    /**
     * Seeds what is missing, and says so loudly.
     *
     * @param passwords  the slow password hasher: seeding the user costs one hash at its cost
     * @param adminScope   the scope the admin API asks for ({@code admin.scope})
     * @param metricsScope the scope /metrics asks for on the public port ({@code metrics.scope})
     */
    static void seed(ClientRepository clients, SecretHasher hasher, UserRepository users, SecretHasher passwords,
                     ScopeSet adminScope, ScopeSet metricsScope) {
        if (clients.findById(DEV_CLIENT_ID).isEmpty()) {
            clients.save(Client.confidential(DEV_CLIENT_ID, hasher.hash(DEV_CLIENT_SECRET))
                    .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN))
                    .allowedScopes(ScopeSet.of("read", "write"))
                    .defaultScopes(ScopeSet.of("read", "write"))
                    .build());
        }
        if (clients.findById(DEV_ADMIN_ID).isEmpty()) {
            clients.save(Client.confidential(DEV_ADMIN_ID, hasher.hash(DEV_CLIENT_SECRET))
                    .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS))
                    .allowedScopes(adminScope.union(metricsScope))
                    .defaultScopes(adminScope)
                    .build());
        }
        if (clients.findById(DEV_SPA_ID).isEmpty()) {
            clients.save(Client.publicClient(DEV_SPA_ID)
                    .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN))
                    .redirectUris(DEV_SPA_REDIRECT_URIS)
                    .allowedScopes(ScopeSet.of("read", "write"))
                    .defaultScopes(ScopeSet.of("read", "write"))
                    .build());
        }
        if (users.findByUsername(DEV_USERNAME).isEmpty()) {
            users.save(new User(DEV_USERNAME, passwords.hash(DEV_PASSWORD), List.of("admin"), User.Status.ENABLED));
        }
        LOG.log(Level.WARNING, "*************************************************************************");
        LOG.log(Level.WARNING, "* DEV PROFILE: dev client \"{0}\" with secret \"{1}\" is ACTIVE.", DEV_CLIENT_ID, DEV_CLIENT_SECRET);
        LOG.log(Level.WARNING, "* DEV PROFILE: admin client \"{0}\" with secret \"{1}\" (scope {2}, or {3}) is ACTIVE.",
                DEV_ADMIN_ID, DEV_CLIENT_SECRET, adminScope.wire(), metricsScope.wire());
        LOG.log(Level.WARNING, "* DEV PROFILE: public client \"{0}\" (redirects to {1}, any port) is ACTIVE.",
                DEV_SPA_ID, DEV_SPA_REDIRECT_URIS);
        LOG.log(Level.WARNING, "* DEV PROFILE: dev user \"{0}\" with password \"{1}\" is ACTIVE.", DEV_USERNAME, DEV_PASSWORD);
        LOG.log(Level.WARNING, "* Never expose this server. Set PORTCULLIS_PROFILE=prod for deployments.");
        LOG.log(Level.WARNING, "*************************************************************************");
    }
}
