package dev.portcullis.bootstrap.observability;

/**
 * The client a request turned out to be for, told by the observed use cases to the access log of the same
 * request. Helidon runs a request's filters and handler on one (virtual) thread, one after the other, so a
 * thread-local carries it; the access-log filter clears it when the request ends.
 */
final class RequestAttribution {

    private static final ThreadLocal<String> CLIENT_ID = new ThreadLocal<>();

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
}
