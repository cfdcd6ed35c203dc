package dev.portcullis.application.port.in;

import dev.portcullis.domain.error.OAuthError;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An error answered by redirecting to the client's verified redirect URI (RFC 6749 §4.1.2.1);
 * the edge adds {@code error_description} and {@code iss} (RFC 9207).
 *
 * @param reason for the log; the client sees a generic description of {@code error}
 * @param state  the request's {@code state}, echoed when it sent a valid one
 */
public record RedirectError(URI redirectUri, OAuthError error, String reason, Optional<String> state)
        implements ValidateAuthorizationRequest.Validation, LogIn.LoginResult {

    public RedirectError {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
    }
}
