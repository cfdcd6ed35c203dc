package dev.portcullis.adapters.http.protocol;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;

/** Caching headers the edge sets. */
public final class CacheHeaders {

    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");
    private static final Header PRAGMA_NO_CACHE = HeaderValues.createCached(HeaderNames.PRAGMA, "no-cache");

    private CacheHeaders() {
    }

    /** RFC 6749 §5.1: responses carrying tokens or credentials must not be stored. */
    public static void noStore(ServerResponse res) {
        res.header(NO_STORE);
        res.header(PRAGMA_NO_CACHE);
    }
}
