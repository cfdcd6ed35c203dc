package dev.portcullis.application.service.admin;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The one password rule operators' changes must pass; the message never echoes the password. */
final class Passwords {

    static final int MIN_LENGTH = 8;
    /** bcrypt reads 72 bytes; a longer password would be silently truncated. */
    static final int MAX_BYTES = 72;

    private Passwords() {
    }

    static Optional<String> problem(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return Optional.empty();
    }
}
