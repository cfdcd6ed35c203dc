package dev.portcullis.domain.code;

/** What one attempt to redeem an authorization code found. */
public sealed interface Redemption {

    /** The first redemption: this caller, and no other, may issue tokens for the code. */
    record Redeemed(AuthorizationCode code) implements Redemption {}

    /** The code was redeemed before: an attack or a bug; the tokens it issued must be revoked. */
    record Replayed(AuthorizationCode code) implements Redemption {}

    /** No such code, or it expired. */
    record Unknown() implements Redemption {}
}
