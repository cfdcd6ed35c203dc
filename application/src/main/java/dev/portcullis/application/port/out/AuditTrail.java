package dev.portcullis.application.port.out;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where security events go (token issued, client authentication failed, token revoked, admin change): one
 * record each, never with a secret, a token or a password in its fields.
 */
public interface AuditTrail {

    void record(Event event);

    /**
     * @param type   a stable dotted name, e.g. {@code token.issued}, {@code admin.client.created}
     * @param fields flat string values, in the order given
     */
    record Event(String type, Map<String, String> fields) {
        public Event {
            Objects.requireNonNull(type, "type");
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** @param pairs name, value, name, value… */
        public static Event of(String type, String... pairs) {
            if (pairs.length % 2 != 0) {
                throw new IllegalArgumentException("pairs of name and value");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                fields.put(pairs[i], pairs[i + 1]);
            }
            return new Event(type, fields);
        }
    }

    /** Records nothing. */
    static AuditTrail none() {
        return event -> { };
    }
}
