package dev.portcullis.domain.refresh;

/** Names one chain of rotated refresh tokens, all descended from one grant. */
public record FamilyId(String value) {

    public FamilyId {
        if (value == null || value.isEmpty() || value.length() > 128
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("not a refresh token family id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
