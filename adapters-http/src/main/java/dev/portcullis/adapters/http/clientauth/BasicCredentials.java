package dev.portcullis.adapters.http.clientauth;

import dev.portcullis.adapters.http.form.FormBody;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Client credentials from an {@code Authorization: Basic} header (RFC 7617, RFC 6749 §2.3.1).
 * The scheme is matched case-insensitively; the base64 payload is split at its FIRST colon, and
 * both halves are then form-urlencoding-decoded (UTF-8, strict), as RFC 6749 §2.3.1 requires of
 * clients: so {@code my%20app} is the id {@code my app}, and a secret may hold {@code :} either raw
 * (after the first colon) or as {@code %3A}.
 *
 * @param clientId the decoded id; its syntax is checked by the caller
 */
public record BasicCredentials(String clientId, String secret) {

    public BasicCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    /** The outcome of reading one Authorization header value. */
    public sealed interface Parse {
    }

    public record Found(BasicCredentials credentials) implements Parse {
    }

    /** Another scheme (e.g. {@code Bearer}): not client authentication this edge supports. */
    public record OtherScheme() implements Parse {
    }

    /** @param reason for the log; never echoes the credentials */
    public record Malformed(String reason) implements Parse {
    }

    public static Parse parse(String authorization) {
        String value = authorization.strip();
        if (value.isEmpty()) {
            return new Malformed("empty Authorization header");
        }
        int space = indexOfWhitespace(value);
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase("Basic")) {
            return new OtherScheme();
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (token.isEmpty()) {
            return new Malformed("Basic without credentials");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new Malformed("Basic credentials are not base64");
        }
        int colon = indexOf(decoded, (byte) ':');
        if (colon < 0) {
            return new Malformed("Basic credentials have no colon");
        }
        Optional<String> id = FormBody.decodeComponent(decoded, 0, colon);
        Optional<String> secret = FormBody.decodeComponent(decoded, colon + 1, decoded.length);
        if (id.isEmpty() || secret.isEmpty()) {
            return new Malformed("Basic credentials are not form-urlencoded UTF-8 (RFC 6749 §2.3.1)");
        }
        return new Found(new BasicCredentials(id.get(), secret.get()));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "BasicCredentials[" + clientId + "]";
    }

    private static int indexOfWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
