package dev.portcullis.domain.user;

/** A user's login name: 1 to 255 characters, any script, no control characters, not blank. */
public record Username(String value) {

    public Username {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a username");
        }
    }

    public static boolean isValid(String value) {
        return value != null && !value.isBlank() && value.length() <= 255
                && value.codePoints().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}
