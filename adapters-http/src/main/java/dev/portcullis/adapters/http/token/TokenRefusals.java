package dev.portcullis.adapters.http.token;

import dev.portcullis.domain.error.OAuthError;

/**
 * Told of every token request the edge refuses before it becomes a request of the use case: a body that is not a
 * form, no issuer, an unknown {@code grant_type}, a missing or repeated parameter. The use case's own refusals are
 * observed around the use case; together they are every refused token request, each counted once.
 */
@FunctionalInterface
public interface TokenRefusals {

    void refused(OAuthError error);

    /** Tells no one. */
    static TokenRefusals none() {
        return error -> { };
    }
}
