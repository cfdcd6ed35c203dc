package dev.portcullis.adapters.http.error;

import dev.portcullis.adapters.http.log.LogSafe;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.domain.error.OAuthError;
import io.helidon.http.DirectHandler;
import io.helidon.http.DirectHandler.EventType;
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
 * Edge-wide error answers, all JSON and written by {@link ErrorResponse}, none with an exception's message or stack trace:
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
            return answerFor(status).noStore().transport(headers);
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
        answerFor(status).send(res);
    }

    private static void backendUnavailable(ServerRequest req, ServerResponse res, Throwable e) {
        LOG.log(Level.WARNING, "backend unavailable on " + describe(req) + ": " + e.getMessage(), e);
        ErrorResponse.of(Status.SERVICE_UNAVAILABLE_503, OAuthError.TEMPORARILY_UNAVAILABLE)
                .retryAfter(RETRY_AFTER_SECONDS)
                .send(res);
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
            ErrorResponse.of(Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST).closeConnection().send(res);
            return;
        }
        String reference = reference();
        String line = "unexpected error " + reference + " on " + describe(req) + ": " + e;
        if (STACK_TRACES.allows(e)) {
            LOG.log(Level.ERROR, line, e);
        } else {
            LOG.log(Level.ERROR, line + " (stack trace logged within the last minute)");
        }
        ErrorResponse.of(Status.INTERNAL_SERVER_ERROR_500, OAuthError.SERVER_ERROR,
                OAuthErrors.publicDescription(OAuthError.SERVER_ERROR) + " (reference " + reference + ")").send(res);
    }

    /** A correlation id: in the answer and on the log line, so that a caller's report finds the line. */
    private static String reference() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** The answer to an HTTP status Helidon chose: its status, with the body the edge sends for it. */
    private static ErrorResponse answerFor(Status status) {
        return switch (status.code()) {
            case 404 -> ErrorResponse.codeOnly(status, "not_found");
            case 405 -> ErrorResponse.codeOnly(status, "method_not_allowed");
            case 413 -> ErrorResponse.of(status, OAuthError.INVALID_REQUEST, ErrorResponse.TOO_LARGE);
            default -> ErrorResponse.of(status, status.code() >= 500 ? OAuthError.SERVER_ERROR : OAuthError.INVALID_REQUEST);
        };
    }

    private static String describe(ServerRequest req) {
        return req.prologue().method().text() + " " + LogSafe.quote(req.path().rawPath());
    }
}
