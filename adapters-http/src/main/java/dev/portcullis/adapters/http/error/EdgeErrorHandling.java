package dev.portcullis.adapters.http.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.log.LogSafe;
import dev.portcullis.adapters.http.protocol.SecurityHeaders;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.domain.error.OAuthError;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.DirectHandler;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Edge-wide error answers, all JSON, none with an exception's message or stack trace:
 * <ul>
 *   <li>unknown path: 404 {@code {"error":"not_found"}} (Helidon throws {@code NotFoundException});</li>
 *   <li>{@link BackendUnavailableException} anywhere in the cause chain: 503
 *       {@code temporarily_unavailable} with {@code Retry-After};</li>
 *   <li>the client hanging up mid-request ({@link ClientDisconnects}): a DEBUG line, and the connection closed;</li>
 *   <li>anything else: 500 {@code server_error} with a reference, logged as one ERROR line with that reference,
 *       its stack trace at most once a minute per distinct cause ({@link StackTraceBudget});</li>
 *   <li>protocol errors Helidon answers before routing (bad Host, body over the server-wide
 *       limit, bad framing): the same JSON shape via {@link #directHandlers()}.</li>
 * </ul>
 */
public final class EdgeErrorHandling {

    private static final System.Logger LOG = System.getLogger(EdgeErrorHandling.class.getName());

    public static final int RETRY_AFTER_SECONDS = 5;
    private static final StackTraceBudget STACK_TRACES = new StackTraceBudget();
    static final String TOO_LARGE = "the request body is too large";

    private EdgeErrorHandling() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(HttpException.class, EdgeErrorHandling::httpException)
                .error(BackendUnavailableException.class, (req, res, e) -> backendUnavailable(req, res, e))
                .error(Throwable.class, EdgeErrorHandling::unexpected);
    }

    /** JSON answers for the errors Helidon handles itself, before or outside routing. */
    public static DirectHandlers directHandlers() {
        DirectHandler handler = (request, eventType, status, headers, message) -> {
            LOG.log(Level.DEBUG, () -> "protocol error " + status.code() + " on " + LogSafe.quote(request.method())
                    + " " + LogSafe.quote(request.path()) + ": " + LogSafe.quote(message));
            headers.set(SecurityHeaders.NOSNIFF);
            headers.set(HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store"));
            headers.contentType(MediaTypes.APPLICATION_JSON);
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .entity(Json.bytes(bodyFor(status)))
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    private static void httpException(ServerRequest req, ServerResponse res, HttpException e) {
        Status status = e.status();
        if (status.code() >= 500) {
            LOG.log(Level.ERROR, "HTTP error " + status.code() + " on " + describe(req), e);
        } else {
            LOG.log(Level.DEBUG, () -> "HTTP error " + status.code() + " on " + describe(req) + ": " + e.getMessage());
        }
        Json.send(res, status, bodyFor(status));
    }

    private static void backendUnavailable(ServerRequest req, ServerResponse res, Throwable e) {
        LOG.log(Level.WARNING, "backend unavailable on " + describe(req) + ": " + e.getMessage(), e);
        res.header(HeaderNames.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        OAuthErrors.send(res, Status.SERVICE_UNAVAILABLE_503, OAuthError.TEMPORARILY_UNAVAILABLE);
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BackendUnavailableException) {
                backendUnavailable(req, res, e);
                return;
            }
        }
        if (ClientDisconnects.isDisconnect(e)) {
            // the client hung up mid-request: nobody to answer, nothing to fix
            LOG.log(Level.DEBUG, () -> "client disconnected during " + describe(req) + ": " + e);
            res.header(HeaderValues.CONNECTION_CLOSE);
            Json.send(res, Status.BAD_REQUEST_400, OAuthErrors.body(OAuthError.INVALID_REQUEST));
            return;
        }
        String reference = reference();
        String line = "unexpected error " + reference + " on " + describe(req) + ": " + e;
        if (STACK_TRACES.allows(e)) {
            LOG.log(Level.ERROR, line, e);
        } else {
            LOG.log(Level.ERROR, line + " (stack trace logged within the last minute)");
        }
        Json.send(res, Status.INTERNAL_SERVER_ERROR_500, OAuthErrors.body(OAuthError.SERVER_ERROR,
                OAuthErrors.publicDescription(OAuthError.SERVER_ERROR) + " (reference " + reference + ")"));
    }

    /** A correlation id: in the answer and on the log line, so that a caller's report finds the line. */
    private static String reference() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static ObjectNode bodyFor(Status status) {
        return switch (status.code()) {
            case 404 -> errorOnly("not_found");
            case 405 -> errorOnly("method_not_allowed");
            case 413 -> OAuthErrors.body(OAuthError.INVALID_REQUEST, TOO_LARGE);
            default -> status.code() >= 500
                    ? OAuthErrors.body(OAuthError.SERVER_ERROR)
                    : OAuthErrors.body(OAuthError.INVALID_REQUEST);
        };
    }

    private static ObjectNode errorOnly(String code) {
        ObjectNode body = Json.object();
        body.put("error", code);
        return body;
    }

    private static String describe(ServerRequest req) {
        return req.prologue().method().text() + " " + LogSafe.quote(req.path().rawPath());
    }
}
