package dev.portcullis.application.port.out;

import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.token.OpaqueTokenHash;
import java.time.Instant;

/**
 * Authorization codes, redeemable exactly once across every node. A redeemed code is remembered
 * until it expires so that a replay can be recognised.
 */
public interface AuthorizationCodeStore {

    void save(AuthorizationCode code);

    /**
     * One atomic step: the first call for an unexpired code gets {@link Redemption.Redeemed}, every
     * later one {@link Redemption.Replayed}; unknown or expired codes give {@link Redemption.Unknown}.
     */
    Redemption redeem(OpaqueTokenHash hash, Instant now);
}
