package dev.portcullis.application.port.out;

import dev.portcullis.domain.token.AccessTokenClaims;

/**
 * Checks an access token's form, algorithm, key and signature, and its time window; decides
 * nothing about issuer, audience, scope or revocation, which are the caller's policy.
 */
public interface TokenVerifier {

    Verification verify(String compactToken);

    sealed interface Verification {
        record Valid(AccessTokenClaims claims) implements Verification {}

        /** @param reason for the log only: never shown to the caller */
        record Invalid(String reason) implements Verification {}
    }
}
