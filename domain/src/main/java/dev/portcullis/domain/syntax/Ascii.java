package dev.portcullis.domain.syntax;

/**
 * The ASCII character classes the OAuth grammars build on. Loops rather than {@code chars().allMatch}: identifiers
 * are checked several times per token request, and a stream allocates on every check.
 */
public final class Ascii {

    private Ascii() {
    }

    /** Every character is a {@code VCHAR} (RFC 5234 Appendix B.1: %x21-7E, visible, no space). */
    public static boolean allVchar(String value) {
        return allWithin(value, 0x21, 0x7E);
    }

    /** Every character is a {@code VSCHAR} (RFC 6749 Appendix A: %x20-7E, visible or space). */
    public static boolean allVschar(String value) {
        return allWithin(value, 0x20, 0x7E);
    }

    private static boolean allWithin(String value, int lowest, int highest) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < lowest || c > highest) {
                return false;
            }
        }
        return true;
    }
}
