package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.RefreshToken.State;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Refresh tokens in a map; rotation is one atomic {@code compute} on the presented token's entry.
 * Rotations share a read lock and revoking a family takes the write lock, so a revocation never
 * slips between a rotation and the storing of its successor.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final ConcurrentMap<OpaqueTokenHash, RefreshToken> tokens = new ConcurrentHashMap<>();
    private final ReadWriteLock familyLock = new ReentrantReadWriteLock();
    private final PeriodicSweep sweep = new PeriodicSweep();

    @Override
    public void save(RefreshToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now) {
        return Optional.ofNullable(tokens.get(hash)).filter(t -> now.isBefore(t.expiresAt()));
    }

    @Override
    public Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
        sweep.runIfDue(now.toEpochMilli(), () -> tokens.values().removeIf(t -> !now.isBefore(t.expiresAt())));
        familyLock.readLock().lock();
        try {
            return rotateLocked(presented, successor, now);
        } finally {
            familyLock.readLock().unlock();
        }
    }

    private Rotation rotateLocked(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
        Rotation[] outcome = {new Rotation.Unknown()};
        tokens.computeIfPresent(presented, (key, token) -> {
            if (!now.isBefore(token.expiresAt())) {
                return null; // an expired token is as unknown as one never issued
            }
            if (token.isUsableAt(now)) {
                outcome[0] = new Rotation.Rotated(token);
                return token.withState(State.ROTATED);
            }
            outcome[0] = new Rotation.Reused(token);
            return token;
        });
        if (outcome[0] instanceof Rotation.Rotated) {
            tokens.put(successor.hash(), successor);
        }
        return outcome[0];
    }

    @Override
    public List<RefreshToken> revokeFamily(FamilyId family) {
        familyLock.writeLock().lock();
        try {
            return tokens.values().stream()
                    .filter(t -> t.family().equals(family))
                    .map(t -> tokens.computeIfPresent(t.hash(), (k, v) -> v.withState(State.REVOKED)))
                    .filter(t -> t != null)
                    .toList();
        } finally {
            familyLock.writeLock().unlock();
        }
    }
}
