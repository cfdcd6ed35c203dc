package dev.portcullis.adapters.http.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.domain.error.OAuthError;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * The wire shape of an OAuth error (RFC 6749 §5.2, RFC 6750 §3): {@code {"error","error_description"}}
 * with one generic public description per code. Why a request failed goes to the log, never here.
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

    public static ObjectNode body(OAuthError error) {
        return body(error, publicDescription(error));
    }

    /** For the few edge failures with a more precise yet still generic description (e.g. a body too large). */
    public static ObjectNode body(OAuthError error, String publicDescription) {
        ObjectNode body = Json.object();
        body.put("error", error.code());
        body.put("error_description", publicDescription);
        return body;
    }

    public static void send(ServerResponse res, Status status, OAuthError error) {
        Json.send(res, status, body(error));
    }
}
