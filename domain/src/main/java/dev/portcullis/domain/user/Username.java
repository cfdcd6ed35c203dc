package dev.portcullis.domain.user;

/** A user's login name: 1 to 255 characters, any script, no control characters, not blank. */
public record Username(String value) {

    public Username {
        if (value == null || value.isBlank() || value.length() > 255
                || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a username");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
