package dev.portcullis.domain.scope;

/** One scope token: {@code 1*( %x21 / %x23-5B / %x5D-7E )} (RFC 6749 §3.3). */
public record Scope(String value) implements Comparable<Scope> {

    public Scope {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a scope token (RFC 6749 §3.3)");
        }
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Scope other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
