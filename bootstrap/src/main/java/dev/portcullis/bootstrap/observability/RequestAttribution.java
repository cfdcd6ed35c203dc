package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.in.LimitRequests;

/**
 * The client a request turned out to be for, and the limit that refused it (429), told by the observed use cases
 * to the access-log filter of the same request, which knows its endpoint. Helidon runs a request's filters and handler on one (virtual) thread, one after the other, so a
 * thread-local carries it; the access-log filter clears it when the request ends.
 */
final class RequestAttribution {

    private static final ThreadLocal<String> CLIENT_ID = new ThreadLocal<>();
    private static final ThreadLocal<LimitRequests.Exceeded> RATE_LIMITED = new ThreadLocal<>();

    private RequestAttribution() {
    }

    static void clientId(String clientId) {
        CLIENT_ID.set(clientId);
    }

    static String takeClientId() {
        String id = CLIENT_ID.get();
        CLIENT_ID.remove();
        return id;
    }

    static void rateLimited(LimitRequests.Exceeded exceeded) {
        RATE_LIMITED.set(exceeded);
    }

    /** The limit that refused this request, or null when none did. */
    static LimitRequests.Exceeded takeRateLimited() {
        LimitRequests.Exceeded exceeded = RATE_LIMITED.get();
        if (exceeded != null) {
            RATE_LIMITED.remove();
        }
        return exceeded;
    }
}
