package dev.portcullis.domain.refresh;

import dev.portcullis.domain.syntax.Ascii;

/** Names one chain of rotated refresh tokens, all descended from one grant. */
public record FamilyId(String value) {

    public FamilyId {
        if (value == null || value.isEmpty() || value.length() > 128
                || !Ascii.allVchar(value)) {
            throw new IllegalArgumentException("not a refresh token family id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
