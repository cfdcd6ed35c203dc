package dev.portcullis.bootstrap;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.BackendProbe;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.UserRepository;
import java.util.List;

/**
 * The driven ports of one storage profile, with what it takes to watch and close them.
 *
 * @param rateLimiter request counters: in Redis when Redis is configured (shared by the nodes), else in memory
 * @param loginThrottle failed user authentications (login page, password grant): where the rate limiter's counters are
 * @param probes    backends whose health decides readiness
 * @param resources connections to close at shutdown
 */
record Storage(
        ClientRepository clients,
        UserRepository users,
        AuthorizationCodeStore codes,
        RefreshTokenStore refreshTokens,
        KeyStore keys,
        RevocationList revocations,
        RateLimiter rateLimiter,
        LoginThrottle loginThrottle,
        List<BackendProbe> probes,
        List<AutoCloseable> resources) {

    Storage {
        probes = List.copyOf(probes);
        resources = List.copyOf(resources);
    }
}
