package dev.portcullis.domain.grant;

import java.util.Arrays;
import java.util.Optional;

/** The grant types Portcullis knows, by their registered {@code grant_type} value. */
public enum GrantType {
    CLIENT_CREDENTIALS("client_credentials"),
    AUTHORIZATION_CODE("authorization_code"),
    PASSWORD("password"),
    REFRESH_TOKEN("refresh_token");

    private final String wire;

    GrantType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<GrantType> fromWire(String wire) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(wire)).findFirst();
    }
}
