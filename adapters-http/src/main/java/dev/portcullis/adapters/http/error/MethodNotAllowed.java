package dev.portcullis.adapters.http.error;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * 405 for a known path asked with another method (RFC 9110 §15.5.6), with the {@code Allow}
 * header it requires. Routes register it with {@code any(path, …)} after their own methods.
 * Marked {@code no-store}: a 405 is cacheable by default (RFC 9110 §15.5.6), and on the admin paths
 * every answer must be {@code no-store} (api.md); nothing is lost by not caching one anywhere.
 */
public final class MethodNotAllowed {

    private static final ErrorResponse ANSWER = ErrorResponse.codeOnly(Status.METHOD_NOT_ALLOWED_405, "method_not_allowed").noStore();

    private MethodNotAllowed() {
    }

    public static Handler allowing(Method... allowed) {
        Header allow = HeaderValues.createCached(HeaderNames.ALLOW,
                Arrays.stream(allowed).map(Method::text).collect(Collectors.joining(", ")));
        return (req, res) -> {
            res.header(allow);
            ANSWER.send(res);
        };
    }
}
