package dev.portcullis.domain.token;

import dev.portcullis.domain.syntax.Ascii;

/** A token's unique id: the JWT {@code jti} of an access token. Opaque, 1 to 128 visible ASCII characters. */
public record TokenId(String value) {

    public TokenId {
        if (value == null || value.isEmpty() || value.length() > 128
                || !Ascii.allVchar(value)) {
            throw new IllegalArgumentException("not a token id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
