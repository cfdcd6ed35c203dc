package dev.portcullis.adapters.http.error;

import dev.portcullis.domain.error.OAuthError;

/**
 * The one generic public description of each OAuth error code (RFC 6749 §5.2, RFC 6750 §3), for the
 * {@code error_description} {@link ErrorResponse} writes. Why a request failed goes to the log, never here.
 */
public final class OAuthErrors {

    private OAuthErrors() {
    }

    public static String publicDescription(OAuthError error) {
        return switch (error) {
            case INVALID_REQUEST -> "the request is missing a parameter, repeats one, or is otherwise malformed";
            case INVALID_CLIENT -> "client authentication failed";
            case INVALID_GRANT -> "the grant is invalid, expired or revoked";
            case UNAUTHORIZED_CLIENT -> "the client is not authorized to use this grant type";
            case UNSUPPORTED_GRANT_TYPE -> "the grant type is not supported";
            case INVALID_SCOPE -> "the requested scope is invalid or not allowed for this client";
            case ACCESS_DENIED -> "access denied";
            case UNSUPPORTED_RESPONSE_TYPE -> "the response type is not supported";
            case SERVER_ERROR -> "the server encountered an unexpected error";
            case TEMPORARILY_UNAVAILABLE -> "the server is temporarily unavailable, try again later";
            case INVALID_TOKEN -> "the access token is invalid, expired or revoked";
            case INSUFFICIENT_SCOPE -> "the access token does not carry the scope this resource requires";
        };
    }
}
