package dev.portcullis.adapters.http.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.SecurityHeaders;
import dev.portcullis.domain.error.OAuthError;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one writer of the edge's error answers (as oidc-provider's one error handler): status, the JSON body
 * {@code {"error","error_description"}} (RFC 6749 §5.2, RFC 6750 §3, RFC 7591 §3.2.2), {@code WWW-Authenticate},
 * {@code Retry-After} and {@code Cache-Control}. Routes decide which error; how it goes on the wire is decided here.
 * OAuth codes carry their one generic public description ({@link OAuthErrors#publicDescription}); why a request
 * failed goes to the log, never here.
 */
public final class ErrorResponse {

    /** The description of every 413, routed or not. */
    static final String TOO_LARGE = "the request body is too large";

    private final Status status;
    private final String code;
    private final Optional<String> description;
    private final List<String> challenges;
    private final OptionalLong retryAfterSeconds;
    private final boolean noStore;
    private final boolean closeConnection;

    private ErrorResponse(Status status, String code, Optional<String> description, List<String> challenges,
                          OptionalLong retryAfterSeconds, boolean noStore, boolean closeConnection) {
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
        this.description = Objects.requireNonNull(description, "description");
        this.challenges = List.copyOf(challenges);
        this.retryAfterSeconds = Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
        this.noStore = noStore;
        this.closeConnection = closeConnection;
    }

    /** An OAuth error with its generic public description. */
    public static ErrorResponse of(Status status, OAuthError error) {
        return of(status, error, OAuthErrors.publicDescription(error));
    }

    /** For the few failures with a more precise yet still generic description (e.g. a body too large). */
    public static ErrorResponse of(Status status, OAuthError error, String publicDescription) {
        return of(status, error.code(), publicDescription);
    }

    /** A code outside {@link OAuthError}: the admin API's {@code not_found}, RFC 7591's {@code invalid_client_metadata}. */
    public static ErrorResponse of(Status status, String code, String description) {
        return new ErrorResponse(status, code, Optional.of(description), List.of(), OptionalLong.empty(), false, false);
    }

    /** A bare {@code {"error": code}}: {@code not_found}, {@code method_not_allowed}. */
    public static ErrorResponse codeOnly(Status status, String code) {
        return new ErrorResponse(status, code, Optional.empty(), List.of(), OptionalLong.empty(), false, false);
    }

    /**
     * An error of the endpoints where clients authenticate ({@code /token}, {@code /revoke}, {@code /introspect}),
     * RFC 6749 §5.2: 401 for {@code invalid_client}, 500/503 for failures, 400 for the rest. A 401 carries
     * {@code challenges} when {@code challenge} is set: the client tried the Authorization header, or sent nothing.
     */
    public static ErrorResponse toClient(OAuthError error, boolean challenge, String... challenges) {
        ErrorResponse response = of(clientStatus(error), error);
        return error == OAuthError.INVALID_CLIENT && challenge ? response.challenge(challenges) : response;
    }

    /** 413 with the JSON the edge answers for every body too large. */
    public static ErrorResponse tooLarge() {
        return of(Status.REQUEST_ENTITY_TOO_LARGE_413, OAuthError.INVALID_REQUEST, TOO_LARGE);
    }

    static Status clientStatus(OAuthError error) {
        return switch (error) {
            case INVALID_CLIENT -> Status.UNAUTHORIZED_401;
            case SERVER_ERROR -> Status.INTERNAL_SERVER_ERROR_500;
            case TEMPORARILY_UNAVAILABLE -> Status.SERVICE_UNAVAILABLE_503;
            default -> Status.BAD_REQUEST_400;
        };
    }

    /** {@code WWW-Authenticate}, one value per challenge (RFC 9110 §11.6.1). */
    public ErrorResponse challenge(String... values) {
        return new ErrorResponse(status, code, description, List.of(values), retryAfterSeconds, noStore, closeConnection);
    }

    public ErrorResponse retryAfter(long seconds) {
        return new ErrorResponse(status, code, description, challenges, OptionalLong.of(seconds), noStore, closeConnection);
    }

    /** {@code Cache-Control: no-store} (and {@code Pragma: no-cache} on routed answers), RFC 6749 §5.1. */
    public ErrorResponse noStore() {
        return new ErrorResponse(status, code, description, challenges, retryAfterSeconds, true, closeConnection);
    }

    /** {@code Connection: close}: nobody is left to read what would follow. */
    public ErrorResponse closeConnection() {
        return new ErrorResponse(status, code, description, challenges, retryAfterSeconds, noStore, true);
    }

    public void send(ServerResponse res) {
        if (!challenges.isEmpty()) {
            res.header(HeaderValues.create(HeaderNames.WWW_AUTHENTICATE, challenges.toArray(String[]::new)));
        }
        retryAfterSeconds.ifPresent(seconds -> res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds)));
        if (noStore) {
            CacheHeaders.noStore(res);
        }
        if (closeConnection) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        Json.send(res, status, body());
    }

    /**
     * The same answer for Helidon's direct handlers, which answer protocol errors before routing: no filter has
     * run, so the security headers are set here; {@code Cache-Control} only, as these answers always were.
     */
    public DirectHandler.TransportResponse transport(ServerResponseHeaders headers) {
        headers.set(SecurityHeaders.NOSNIFF);
        if (noStore) {
            headers.set(HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store"));
        }
        headers.contentType(MediaTypes.APPLICATION_JSON);
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(Json.bytes(body()))
                .build();
    }

    private ObjectNode body() {
        ObjectNode body = Json.object();
        body.put("error", code);
        description.ifPresent(text -> body.put("error_description", text));
        return body;
    }
}
