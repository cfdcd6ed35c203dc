package dev.portcullis.domain.error;

/**
 * The closed set of OAuth error codes (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1).
 * Codes only: status lines, headers and JSON belong to the HTTP adapter.
 */
public enum OAuthError {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    INVALID_SCOPE("invalid_scope"),
    ACCESS_DENIED("access_denied"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    SERVER_ERROR("server_error"),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable"),
    INVALID_TOKEN("invalid_token"),
    INSUFFICIENT_SCOPE("insufficient_scope");

    private final String code;

    OAuthError(String code) {
        this.code = code;
    }

    /** The wire form, e.g. {@code invalid_client}. */
    public String code() {
        return code;
    }
}
