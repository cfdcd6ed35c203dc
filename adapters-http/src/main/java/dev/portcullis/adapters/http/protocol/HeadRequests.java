package dev.portcullis.adapters.http.protocol;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Map;

/**
 * Answers every {@code HEAD} request itself, without a body: 405 with the path's {@code Allow}
 * for the paths the edge serves, 404 elsewhere. Left to the routes, a HEAD got the JSON body of
 * a GET or of an error, which RFC 9110 §9.3.2 forbids: a keep-alive client then reads that body
 * as the start of its next response (a response desynchronisation). No endpoint here gains from
 * HEAD, so none serves it. Registered after {@link SecurityHeaders}, so its answers carry them.
 */
public final class HeadRequests implements Filter {

    private static final Map<String, String> ALLOW = Map.of(
            Paths.TOKEN, "POST",
            Paths.REVOKE, "POST",
            Paths.INTROSPECT, "POST",
            Paths.ADMIN_KEYS_ROTATE, "POST",
            Paths.AUTHORIZE, "GET, POST",
            Paths.JWKS, "GET",
            Paths.DISCOVERY, "GET",
            Paths.WHOAMI, "GET",
            Paths.HEALTH_LIVE, "GET",
            Paths.HEALTH_READY, "GET");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.prologue().method().equals(Method.HEAD)) {
            chain.proceed();
            return;
        }
        String allow = ALLOW.get(req.path().path());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (allow == null) {
            res.status(Status.NOT_FOUND_404);
        } else {
            res.status(Status.METHOD_NOT_ALLOWED_405);
            res.header(HeaderNames.ALLOW, allow);
        }
        res.send();
    }
}
