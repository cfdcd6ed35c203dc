package dev.portcullis.adapters.http.authorize;

import dev.portcullis.application.port.in.LogIn;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest;
import java.util.Objects;

/**
 * What the authorization endpoint needs: its two use cases, and the sealing of the login page's
 * session. The bootstrap builds it; the HTTP adapter serves {@code /authorize} when it is given one.
 */
public record AuthorizeEndpoint(ValidateAuthorizationRequest validate, LogIn logIn, AuthorizationSessions sessions) {

    public AuthorizeEndpoint {
        Objects.requireNonNull(validate, "validate");
        Objects.requireNonNull(logIn, "logIn");
        Objects.requireNonNull(sessions, "sessions");
    }
}
