package dev.portcullis.application.port.in;

import java.util.Objects;

/**
 * The first half of the authorization endpoint (RFC 6749 §4.1.1, RFC 7636, OAuth 2.1 §4.1.1):
 * is this request good enough to show the login page for?
 */
public interface ValidateAuthorizationRequest {

    Validation validate(AuthorizationRequest request);

    /** Valid, or an error shown as a page ({@link ShowError}) or sent to the client ({@link RedirectError}). */
    sealed interface Validation permits Valid, ShowError, RedirectError {
    }

    record Valid(AuthorizationContext context) implements Validation {
        public Valid {
            Objects.requireNonNull(context, "context");
        }
    }
}
