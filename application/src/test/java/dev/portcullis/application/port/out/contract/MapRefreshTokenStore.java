package dev.portcullis.application.port.out.contract;

import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refresh tokens in a map, rotated under one lock, for tests of what uses the port: it passes
 * {@link RefreshTokenStoreContract}. Counts lookups so that a test can see which token type was tried first;
 * tests may override {@link #rotate} to stage a race.
 */
public class MapRefreshTokenStore implements RefreshTokenStore {

    private final Map<OpaqueTokenHash, RefreshToken> tokens = new HashMap<>();
    private final AtomicInteger finds = new AtomicInteger();

    @Override
    public synchronized void save(RefreshToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public synchronized Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now) {
        finds.incrementAndGet();
        return stored(hash, now);
    }

    @Override
    public synchronized Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
        // not counted as a find: the count is of the lookups the caller makes
        Optional<RefreshToken> found = stored(presented, now);
        if (found.isEmpty()) {
            return new Rotation.Unknown();
        }
        RefreshToken token = found.get();
        if (!token.isUsableAt(now)) {
            return new Rotation.Reused(token);
        }
        tokens.put(presented, token.withState(RefreshToken.State.ROTATED));
        tokens.put(successor.hash(), successor);
        return new Rotation.Rotated(token);
    }

    @Override
    public synchronized List<RefreshToken> revokeFamily(FamilyId family) {
        List<RefreshToken> revoked = new ArrayList<>();
        for (RefreshToken token : List.copyOf(tokens.values())) {
            if (token.family().equals(family)) {
                RefreshToken now = token.withState(RefreshToken.State.REVOKED);
                tokens.put(token.hash(), now);
                revoked.add(now);
            }
        }
        return revoked;
    }

    /** Every token held, whatever its state or expiry. */
    public synchronized List<RefreshToken> all() {
        return List.copyOf(tokens.values());
    }

    /** How many times {@link #find} was called. */
    public int finds() {
        return finds.get();
    }

    private Optional<RefreshToken> stored(OpaqueTokenHash hash, Instant now) {
        return Optional.ofNullable(tokens.get(hash)).filter(t -> now.isBefore(t.expiresAt()));
    }
}
