package dev.portcullis.application.service;

import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One thing a just-redeemed authorization code must agree with (RFC 6749 §4.1.3, RFC 7636 §4.6).
 * They run after the atomic redemption, so a code that fails any of them is spent all the same:
 * whoever holds a stolen code gets one guess at the verifier, not many.
 */
@FunctionalInterface
interface CodeRedemptionCheck {

    Optional<Rejected> check(Client client, AuthorizationCode code, AuthorizationCodeGrant grant);

    /** §4.1.3: "ensure that the authorization code was issued to the authenticated confidential client, or ... public client". */
    CodeRedemptionCheck ISSUED_TO_THIS_CLIENT = (client, code, grant) -> client.id().equals(code.clientId())
            ? Optional.empty()
            : reject(OAuthError.INVALID_GRANT, "code of client " + code.clientId() + " presented by " + client.id());

    /**
     * §4.1.3: {@code redirect_uri} must be present and identical, character for character, to the one
     * the code was issued for. Every Portcullis code is bound to the redirect URI its authorization
     * request used, and the code does not record whether that request named it or relied on the
     * client's only registered URI; so the parameter is required for every exchange, and omitting it
     * is a missing parameter ({@code invalid_request}), not a mismatch.
     */
    CodeRedemptionCheck SAME_REDIRECT_URI = (client, code, grant) -> {
        if (grant.redirectUri().isEmpty()) {
            return reject(OAuthError.INVALID_REQUEST, "redirect_uri missing; code was issued for " + code.redirectUri());
        }
        URI sent = grant.redirectUri().get();
        return sent.toString().equals(code.redirectUri().toString())
                ? Optional.empty()
                : reject(OAuthError.INVALID_GRANT, "redirect_uri " + sent + " is not " + code.redirectUri());
    };

    /** RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) must equal the stored S256 challenge; otherwise invalid_grant. */
    CodeRedemptionCheck PKCE_VERIFIER_MEETS_CHALLENGE = (client, code, grant) -> code.challenge().isMetBy(grant.codeVerifier())
            ? Optional.empty()
            : reject(OAuthError.INVALID_GRANT, "code_verifier does not meet the code_challenge");

    /** In order; the first rejection wins. */
    List<CodeRedemptionCheck> ALL = List.of(ISSUED_TO_THIS_CLIENT, SAME_REDIRECT_URI, PKCE_VERIFIER_MEETS_CHALLENGE);

    static Optional<Rejected> firstRejection(Client client, AuthorizationCode code, AuthorizationCodeGrant grant) {
        for (CodeRedemptionCheck check : ALL) {
            Optional<Rejected> rejected = check.check(client, code, grant);
            if (rejected.isPresent()) {
                return rejected;
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejected> reject(OAuthError error, String reason) {
        return Optional.of(new Rejected(error, reason));
    }
}
