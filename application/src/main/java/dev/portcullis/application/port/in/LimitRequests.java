package dev.portcullis.application.port.in;

import dev.portcullis.domain.client.ClientId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Rate limits and lockouts of the endpoints where clients authenticate and users log in
 * ({@code /token}, {@code /revoke}, {@code /introspect}, the login POST).
 */
public interface LimitRequests {

    /**
     * Counts a request from {@code source} (by {@code client}, when it named one) and tells whether to
     * serve it: one rate-limiter call.
     */
    Admission admit(String source, Optional<ClientId> client);

    /** Counts a failed authentication of {@code client} from {@code source} towards its lockout. */
    void failedClientAuthentication(String source, ClientId client);

    sealed interface Admission permits Admitted, TooMany {
    }

    record Admitted() implements Admission {
    }

    /** Which limit refused a request: a request limit (per source address, per client) or a lockout. */
    enum Exceeded { PER_ADDRESS, PER_CLIENT, LOCKOUT }

    /** @param exceeded the limit that refused it; {@code reason} is for the log */
    record TooMany(Duration retryAfter, Exceeded exceeded, String reason) implements Admission {
        public TooMany {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(exceeded, "exceeded");
            Objects.requireNonNull(reason, "reason");
        }

        /** Whether a lockout (not a request limit) refused it. */
        public boolean lockedOut() {
            return exceeded == Exceeded.LOCKOUT;
        }
    }

    /** Nothing limited, nothing counted. */
    static LimitRequests none() {
        return new LimitRequests() {
            @Override
            public Admission admit(String source, Optional<ClientId> client) {
                return new Admitted();
            }

            @Override
            public void failedClientAuthentication(String source, ClientId client) {
            }
        };
    }
}
