package dev.portcullis.adapters.crypto;

import java.util.Base64;
import java.util.Optional;

/** The base64 used inside {@code $scheme$...} encodings: standard alphabet, no padding (as PHC strings). */
final class Base64s {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private Base64s() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes standard base64 with or without padding; also passlib's variant, which writes {@code .}
     * for {@code +}. Empty when {@code text} is empty or not base64.
     */
    static Optional<byte[]> decode(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DECODER.decode(text.replace('.', '+')));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Decoded bytes whose length lies in {@code [min, max]}, else empty. */
    static Optional<byte[]> decode(String text, int min, int max) {
        return decode(text).filter(bytes -> bytes.length >= min && bytes.length <= max);
    }
}
