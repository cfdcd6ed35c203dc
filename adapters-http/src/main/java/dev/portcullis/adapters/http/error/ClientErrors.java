package dev.portcullis.adapters.http.error;

import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.domain.error.OAuthError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * Error answers of the endpoints where clients authenticate ({@code /token}, {@code /revoke},
 * {@code /introspect}), RFC 6749 §5.2: 401 for {@code invalid_client}, with a Basic challenge when
 * the client tried the Authorization header or sent nothing; 500/503 for failures; 400 for the rest.
 */
public final class ClientErrors {

    private ClientErrors() {
    }

    public static Status statusOf(OAuthError error) {
        return switch (error) {
            case INVALID_CLIENT -> Status.UNAUTHORIZED_401;
            case SERVER_ERROR -> Status.INTERNAL_SERVER_ERROR_500;
            case TEMPORARILY_UNAVAILABLE -> Status.SERVICE_UNAVAILABLE_503;
            default -> Status.BAD_REQUEST_400;
        };
    }

    public static void send(ServerResponse res, OAuthError error, boolean challengeBasic) {
        if (error == OAuthError.INVALID_CLIENT && challengeBasic) {
            res.header(HeaderNames.WWW_AUTHENTICATE, Challenges.basic());
        }
        OAuthErrors.send(res, statusOf(error), error);
    }

    /** 413 with the JSON the edge answers for every body too large. */
    public static void tooLarge(ServerResponse res) {
        Json.send(res, Status.REQUEST_ENTITY_TOO_LARGE_413,
                OAuthErrors.body(OAuthError.INVALID_REQUEST, "the request body is too large"));
    }
}
