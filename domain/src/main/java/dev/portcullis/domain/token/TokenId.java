package dev.portcullis.domain.token;

/** A token's unique id: the JWT {@code jti} of an access token. Opaque, 1 to 128 visible ASCII characters. */
public record TokenId(String value) {

    public TokenId {
        if (value == null || value.isEmpty() || value.length() > 128
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("not a token id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
