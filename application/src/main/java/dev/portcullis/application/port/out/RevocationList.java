package dev.portcullis.application.port.out;

import dev.portcullis.domain.token.TokenId;
import java.time.Instant;

/** Revoked access tokens, remembered until they would have expired anyway. */
public interface RevocationList {

    /** Returns only once the revocation is durable where this list keeps it. */
    void revoke(TokenId id, Instant until);

    boolean isRevoked(TokenId id);
}
