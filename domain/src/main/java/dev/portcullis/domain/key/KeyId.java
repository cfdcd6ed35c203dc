package dev.portcullis.domain.key;

import dev.portcullis.domain.syntax.Ascii;

/** A key's {@code kid}: 1 to 128 visible ASCII characters. */
public record KeyId(String value) {

    public KeyId {
        if (value == null || value.isEmpty() || value.length() > 128
                || !Ascii.allVchar(value)) {
            throw new IllegalArgumentException("not a key id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
