package dev.portcullis.domain.secret;

/**
 * A stored secret, in a self-describing encoding whose prefix names the scheme, e.g.
 * {@code $sha256$<salt>$<hash>}, {@code $pbkdf2-sha256$i=600000$<salt>$<hash>} or a bcrypt
 * {@code $2b$10$...} string. The plaintext is never kept.
 */
public record SecretHash(String encoded) {

    public SecretHash {
        if (encoded == null || !encoded.startsWith("$") || encoded.length() < 8) {
            throw new IllegalArgumentException("not a self-describing secret hash");
        }
    }

    /** The scheme name between the first two {@code $}, e.g. {@code sha256}, {@code pbkdf2-sha256}, {@code 2b}. */
    public String scheme() {
        int end = encoded.indexOf('$', 1);
        return end < 0 ? encoded.substring(1) : encoded.substring(1, end);
    }

    @Override
    public String toString() {
        return "SecretHash[" + scheme() + "]";
    }
}
