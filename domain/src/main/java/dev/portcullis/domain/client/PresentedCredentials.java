package dev.portcullis.domain.client;

import java.util.Objects;
import java.util.Optional;

/**
 * The one value every way of presenting client credentials at an endpoint is turned into
 * (Basic header, form fields, or a bare client_id). A secret is present exactly when the
 * method uses one.
 */
public record PresentedCredentials(ClientId clientId, AuthMethod method, Optional<String> secret) {

    public PresentedCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(secret, "secret");
        if (method.usesSecret() != secret.isPresent()) {
            throw new IllegalArgumentException(method.wire() + (method.usesSecret() ? " needs" : " takes no") + " secret");
        }
    }

    public static PresentedCredentials basic(ClientId id, String secret) {
        return new PresentedCredentials(id, AuthMethod.CLIENT_SECRET_BASIC, Optional.of(secret));
    }

    public static PresentedCredentials post(ClientId id, String secret) {
        return new PresentedCredentials(id, AuthMethod.CLIENT_SECRET_POST, Optional.of(secret));
    }

    public static PresentedCredentials publicClient(ClientId id) {
        return new PresentedCredentials(id, AuthMethod.NONE, Optional.empty());
    }

    /** Never prints the secret: this value passes through logs and exceptions. */
    @Override
    public String toString() {
        return "PresentedCredentials[" + clientId + ", " + method.wire() + "]";
    }
}
