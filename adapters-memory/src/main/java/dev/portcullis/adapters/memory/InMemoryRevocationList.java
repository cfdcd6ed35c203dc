package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Revoked token ids with their expiry, for a single node; forgets entries once the token would have expired. */
public final class InMemoryRevocationList implements RevocationList {

    private final ConcurrentMap<TokenId, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    private final PeriodicSweep sweep = new PeriodicSweep();

    public InMemoryRevocationList(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void revoke(TokenId id, Instant until) {
        Instant now = clock.instant();
        sweep.runIfDue(now.toEpochMilli(), () -> revoked.values().removeIf(expiry -> !now.isBefore(expiry)));
        if (now.isBefore(until)) {
            revoked.merge(id, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public boolean isRevoked(TokenId id) {
        Instant until = revoked.get(id);
        return until != null && clock.instant().isBefore(until);
    }
}
