package dev.portcullis.application.port.out;

import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Refresh tokens and their families; rotation is atomic across every node. */
public interface RefreshTokenStore {

    void save(RefreshToken token);

    /** The stored token, whatever its state, unless it has expired. */
    Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now);

    /**
     * One atomic step: if {@code presented} is active and unexpired, mark it rotated and store
     * {@code successor} ({@link Rotation.Rotated}); if it was already rotated or revoked,
     * {@link Rotation.Reused}; otherwise {@link Rotation.Unknown}. Of concurrent callers at most one wins.
     */
    Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now);

    /** Revokes every token of the family and returns them, so their access tokens can be revoked too. */
    List<RefreshToken> revokeFamily(FamilyId family);
}
