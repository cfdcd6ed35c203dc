package dev.portcullis.domain.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An S256 code challenge (RFC 7636 §4.2): {@code BASE64URL(SHA256(code_verifier))}. {@code plain}
 * is not representable: OAuth 2.1 and RFC 9700 §2.1.1 refuse it.
 */
public record PkceChallenge(String value) {

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    public PkceChallenge {
        if (value == null || !CHALLENGE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an S256 code_challenge");
        }
    }

    public static boolean isValidVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    public static PkceChallenge fromVerifier(String verifier) {
        if (!isValidVerifier(verifier)) {
            throw new IllegalArgumentException("not a code_verifier (RFC 7636 §4.1)");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new PkceChallenge(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Constant-time check that {@code verifier} is the one this challenge was made from. */
    public boolean isMetBy(String verifier) {
        if (!isValidVerifier(verifier)) {
            return false;
        }
        return MessageDigest.isEqual(
                fromVerifier(verifier).value.getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII));
    }
}
