package dev.portcullis.bootstrap;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.EnumSet;

/**
 * The embedded default's well-known credentials, so the README's examples work verbatim.
 * DEV ONLY: {@link ProductionGuard} refuses to start any other profile while they exist.
 */
final class DevProfile {

    static final ClientId DEV_CLIENT_ID = new ClientId("myapp");
    /** Clearly marked dev secret: public in the README, never valid outside the dev profile. */
    static final String DEV_CLIENT_SECRET = "secret";
    /** Clearly marked dev HS256 key (256 bits), used only when HS256 is chosen in dev without a key. */
    static final byte[] DEV_HS256_KEY = "portcullis-dev-hs256-key-NOT-FOR-PRODUCTION".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final Logger LOG = System.getLogger(DevProfile.class.getName());

    private DevProfile() {
    }

    static void seed(ClientRepository clients, SecretHasher hasher) {
        if (clients.findById(DEV_CLIENT_ID).isEmpty()) {
            clients.save(Client.confidential(DEV_CLIENT_ID, hasher.hash(DEV_CLIENT_SECRET))
                    .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS))
                    .allowedScopes(ScopeSet.of("read", "write"))
                    .defaultScopes(ScopeSet.of("read", "write"))
                    .build());
        }
        LOG.log(Level.WARNING, "*************************************************************************");
        LOG.log(Level.WARNING, "* DEV PROFILE: dev client \"{0}\" with secret \"{1}\" is ACTIVE.", DEV_CLIENT_ID, DEV_CLIENT_SECRET);
        LOG.log(Level.WARNING, "* Never expose this server. Set PORTCULLIS_PROFILE=prod for deployments.");
        LOG.log(Level.WARNING, "*************************************************************************");
    }
}
