package dev.portcullis.application.port.in;

/**
 * Why a client failed to authenticate (RFC 6749 §2.3), carried on the {@code invalid_client} rejections so that
 * whoever counts or audits them reads a closed set, never the log reason: rewording a log line changes no metric.
 */
public enum ClientAuthenticationFailure {
    /** No client has the presented id. */
    UNKNOWN_CLIENT,
    /** The client exists but the presented secret is not its secret. */
    WRONG_SECRET,
    /** The client exists but may not authenticate the way it did (e.g. a public client sending a secret). */
    AUTH_METHOD_NOT_ALLOWED
}
