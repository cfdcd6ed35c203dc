package dev.portcullis.domain.client;

import dev.portcullis.domain.syntax.Ascii;

/** A client identifier: 1 to 255 visible ASCII characters or spaces ({@code VSCHAR}, RFC 6749 Appendix A.1). */
public record ClientId(String value) {

    public static final int MAX_LENGTH = 255;

    public ClientId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a client_id (RFC 6749 Appendix A.1)");
        }
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        return Ascii.allVschar(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
