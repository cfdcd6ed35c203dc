package dev.portcullis.domain.grant;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 6749 §4.1.3 with RFC 7636 §4.5: the client exchanges an authorization code, proving with the
 * PKCE {@code code_verifier} that it is the one that asked for it.
 *
 * @param code         the code as handed out; only its hash is ever stored
 * @param redirectUri  the {@code redirect_uri} parameter as sent; empty when omitted (whether that
 *                     is acceptable is the token endpoint's rule, not this record's)
 * @param codeVerifier the PKCE verifier as sent; its syntax is checked against the challenge, so a
 *                     malformed one simply fails to meet it
 */
public record AuthorizationCodeGrant(String code, Optional<URI> redirectUri, String codeVerifier) implements Grant {

    public AuthorizationCodeGrant {
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("an authorization_code grant needs a code");
        }
        if (codeVerifier == null || codeVerifier.isEmpty()) {
            throw new IllegalArgumentException("an authorization_code grant needs a code_verifier (RFC 7636 §4.5)");
        }
    }

    @Override
    public GrantType type() {
        return GrantType.AUTHORIZATION_CODE;
    }

    /** Never prints the code or the verifier: either may still be redeemable. */
    @Override
    public String toString() {
        return "AuthorizationCodeGrant[redirectUri=" + redirectUri.map(URI::toString).orElse("(none)") + "]";
    }
}
