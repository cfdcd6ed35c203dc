package dev.portcullis.application.port.out.contract;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.RefreshToken.State;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Refresh tokens for tests: an active token issued at some instant, and successors for rotation. */
public final class RefreshTokens {

    /** How long each fixture token lives: its idle limit. */
    public static final Duration IDLE = Duration.ofHours(1);
    /** How long each fixture family lives. */
    public static final Duration FAMILY = Duration.ofDays(30);

    private RefreshTokens() {}

    /** The first token of a new family, issued at {@code issuedAt}. */
    public static RefreshToken active(Instant issuedAt) {
        return active(Fixtures.anyFamily(), issuedAt);
    }

    /** An active token of {@code family}, issued at {@code issuedAt}, idle limit {@link #IDLE}. */
    public static RefreshToken active(FamilyId family, Instant issuedAt) {
        return new RefreshToken(Fixtures.anyHash(), family, new ClientId("myapp"), "alice", List.of("user"),
                ScopeSet.of("openid", "read", "offline_access"), issuedAt, issuedAt.plus(IDLE),
                issuedAt.plus(FAMILY), Fixtures.anyTokenId(), State.ACTIVE);
    }

    /** What a rotation of {@code previous} at {@code now} stores next: same family, bindings and family limit. */
    public static RefreshToken successorOf(RefreshToken previous, Instant now) {
        Instant expiresAt = now.plus(IDLE).isAfter(previous.familyExpiresAt()) ? previous.familyExpiresAt() : now.plus(IDLE);
        return new RefreshToken(Fixtures.anyHash(), previous.family(), previous.clientId(), previous.subject(),
                previous.roles(), previous.scope(), now, expiresAt, previous.familyExpiresAt(),
                Fixtures.anyTokenId(), State.ACTIVE);
    }
}
