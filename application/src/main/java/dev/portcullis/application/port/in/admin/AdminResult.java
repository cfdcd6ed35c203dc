package dev.portcullis.application.port.in.admin;

import java.util.Objects;

/**
 * What an administrative use case answers: done, or refused for a reason the caller can fix. A store
 * outage is not a rejection: it throws {@code BackendUnavailableException}.
 */
public sealed interface AdminResult<T> {

    /** Why a change was refused; each maps to one HTTP status and one CLI exit code at the edge. */
    enum Rejection {
        /** A field is missing, malformed, or the combination is not a valid client or user (400). */
        INVALID,
        /** A redirect URI the server's redirect-URI rule refuses (400; {@code invalid_redirect_uri} at registration). */
        INVALID_REDIRECT_URI,
        /** No client or user with that id (404). */
        NOT_FOUND,
        /** The change conflicts with what is stored: a duplicate id, a public client's secret (409). */
        CONFLICT
    }

    record Done<T>(T value) implements AdminResult<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param message for the operator: names fields, never echoes secrets */
    record Rejected<T>(Rejection rejection, String message) implements AdminResult<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> AdminResult<T> done(T value) {
        return new Done<>(value);
    }

    static <T> AdminResult<T> rejected(Rejection rejection, String message) {
        return new Rejected<>(rejection, message);
    }
}
