package dev.portcullis.bootstrap;

import dev.portcullis.adapters.http.authorize.AuthorizationSessions;
import dev.portcullis.adapters.http.authorize.AuthorizeEndpoint;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.service.AuthorizationSettings;
import dev.portcullis.application.service.LogInService;
import dev.portcullis.application.service.UserAuthenticator;
import dev.portcullis.application.service.ValidateAuthorizationRequestService;
import dev.portcullis.bootstrap.config.ConfigKey;
import dev.portcullis.bootstrap.config.Settings;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;

/** Wires the authorization endpoint and its login page. */
final class AuthorizeWiring {

    private static final Logger LOG = System.getLogger(AuthorizeWiring.class.getName());

    private AuthorizeWiring() {
    }

    /**
     * Failed logins are counted in this node's memory on every storage profile for now: behind a
     * load balancer each node keeps its own count (shared counters in Redis are still to come).
     */
    static AuthorizeEndpoint endpoint(Settings settings, Storage storage, UserAuthenticator users, RandomSource random,
                                      Clock clock) {
        Settings.Authorize config = settings.authorize();
        byte[] sessionKey = config.sessionKey().orElseGet(() -> {
            if (settings.storage().type() != Settings.Backend.MEMORY) {
                LOG.log(Level.WARNING, "{0} is not set: each node seals login pages with its own random key, so a login "
                        + "form must be posted back to the node that showed it. Set it on every node of a cluster.",
                        ConfigKey.AUTHORIZE_SESSION_KEY.key());
            }
            byte[] key = new byte[AuthorizationSessions.MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            return key;
        });
        return new AuthorizeEndpoint(
                new ValidateAuthorizationRequestService(storage.clients(), settings.redirectUriPolicy()),
                new LogInService(storage.clients(), users, storage.loginThrottle(),
                        storage.codes(), random, clock, new AuthorizationSettings(config.codeTtl())),
                new AuthorizationSessions(sessionKey, config.sessionTtl(), clock));
    }
}
