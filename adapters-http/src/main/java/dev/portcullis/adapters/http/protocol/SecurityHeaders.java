package dev.portcullis.adapters.http.protocol;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Headers every routed response carries, errors included: set before routing, they survive
 * Helidon's error handling (which resets the entity, not the headers).
 */
public final class SecurityHeaders implements Filter {

    public static final Header NOSNIFF = HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(NOSNIFF);
        chain.proceed();
    }
}
