package dev.portcullis.domain.client;

import java.util.Arrays;
import java.util.Optional;

/** Token endpoint authentication methods (RFC 7591 §2). */
public enum AuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    /** A public client: it proves nothing but its id, so PKCE must bind its grants. */
    NONE("none");

    private final String wire;

    AuthMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean usesSecret() {
        return this != NONE;
    }

    public static Optional<AuthMethod> fromWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
    }
}
