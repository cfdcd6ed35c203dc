package dev.portcullis.domain.key;

/** A key's {@code kid}: 1 to 128 visible ASCII characters. */
public record KeyId(String value) {

    public KeyId {
        if (value == null || value.isEmpty() || value.length() > 128
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("not a key id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
