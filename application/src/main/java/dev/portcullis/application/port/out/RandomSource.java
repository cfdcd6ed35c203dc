package dev.portcullis.application.port.out;

/** Unpredictable values for token ids, codes and refresh tokens. */
public interface RandomSource {

    /** {@code bytes} random bytes, base64url-encoded without padding. */
    String nextToken(int bytes);
}
