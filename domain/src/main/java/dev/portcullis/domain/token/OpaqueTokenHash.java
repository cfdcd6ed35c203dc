package dev.portcullis.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How opaque one-time credentials (authorization codes, refresh tokens) are stored and looked up:
 * the base64url SHA-256 of the value handed out. The values are random and ≥ 128 bits, so an
 * unsalted fast hash is enough, and a stolen store yields nothing redeemable.
 */
public record OpaqueTokenHash(String value) {

    public OpaqueTokenHash {
        if (value == null || value.length() != 43) {
            throw new IllegalArgumentException("not an opaque token hash");
        }
    }

    public static OpaqueTokenHash of(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return new OpaqueTokenHash(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
