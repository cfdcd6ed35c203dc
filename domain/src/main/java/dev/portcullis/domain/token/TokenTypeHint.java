package dev.portcullis.domain.token;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the caller says a presented token is (RFC 7009 §2.1, RFC 7662 §2.1): a hint only. The
 * server looks the token up as the hinted type first, then as the other, and never trusts it.
 */
public enum TokenTypeHint {
    ACCESS_TOKEN("access_token"),
    REFRESH_TOKEN("refresh_token");

    private final String wire;

    TokenTypeHint(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Empty for a value this server does not know: an unknown hint is ignored (RFC 7009 §2.1). */
    public static Optional<TokenTypeHint> fromWire(String wire) {
        return Arrays.stream(values()).filter(h -> h.wire.equals(wire)).findFirst();
    }
}
