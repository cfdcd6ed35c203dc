package dev.portcullis.application.service;

import dev.portcullis.application.port.in.DescribeServer;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Discovery's capabilities: grant types, authentication methods and signing algorithms fixed at start from what is
 * wired and configured, {@code scopes_supported} read from the shared store, so that a client registered
 * through the admin API or the CLI on any node shows its scopes everywhere: recomputed at most every {@link #TTL};
 * while the store does not answer, the last answer stands.
 */
public final class DescribeServerService implements DescribeServer {

    public static final Duration TTL = Duration.ofSeconds(5);

    private final ServerCapabilities fixed;
    private final ClientRepository clients;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(ServerCapabilities capabilities, Instant until) {
    }

    public DescribeServerService(ServerCapabilities fixed, ClientRepository clients, Clock clock) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ServerCapabilities capabilities() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current != null && now.isBefore(current.until())) {
            return current.capabilities();
        }
        ScopeSet scopes;
        try {
            scopes = clients.findAll().stream().map(Client::allowedScopes).reduce(ScopeSet.empty(), ScopeSet::union);
        } catch (BackendUnavailableException e) {
            if (current != null) {
                return current.capabilities(); // metadata a little stale beats no metadata while the store is down
            }
            throw e;
        }
        ServerCapabilities fresh = new ServerCapabilities(fixed.grantTypes(), fixed.tokenEndpointAuthMethods(), scopes,
                fixed.signingAlgorithms());
        snapshot = new Snapshot(fresh, now.plus(TTL));
        return fresh;
    }
}
