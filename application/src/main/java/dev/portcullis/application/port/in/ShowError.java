package dev.portcullis.application.port.in;

import java.util.Objects;

/**
 * An authorization request that must not be answered with a redirect: the client or its redirect
 * URI cannot be trusted (RFC 6749 §4.1.2.1, §10.15). The user sees an error page instead.
 *
 * @param reason for the log; the page shows only a generic text for {@code problem}
 */
public record ShowError(Problem problem, String reason)
        implements ValidateAuthorizationRequest.Validation, LogIn.LoginResult {

    public enum Problem {
        /** client_id missing, repeated, malformed, or not registered. */
        INVALID_CLIENT,
        /** redirect_uri repeated, missing where it is required, or not registered for the client. */
        INVALID_REDIRECT_URI
    }

    public ShowError {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(reason, "reason");
    }
}
