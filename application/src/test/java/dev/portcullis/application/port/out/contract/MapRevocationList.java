package dev.portcullis.application.port.out.contract;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Revocations with their end, read against a clock, for tests of what uses the port: it passes
 * {@link RevocationListContract}. Tests may look at {@link #until()}, and {@link #failure} makes it fail like a store
 * that is down.
 */
public final class MapRevocationList implements RevocationList {

    private final Map<TokenId, Instant> until = new LinkedHashMap<>();
    private final Clock clock;
    /** When set, {@link #revoke} throws it. */
    public volatile RuntimeException failure;

    public MapRevocationList(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void revoke(TokenId id, Instant end) {
        if (failure != null) {
            throw failure;
        }
        if (clock.instant().isBefore(end)) {
            until.merge(id, end, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public synchronized boolean isRevoked(TokenId id) {
        Instant end = until.get(id);
        return end != null && clock.instant().isBefore(end);
    }

    /** Each revocation held, with its end, in the order they were made. */
    public synchronized Map<TokenId, Instant> until() {
        return new LinkedHashMap<>(until);
    }
}
