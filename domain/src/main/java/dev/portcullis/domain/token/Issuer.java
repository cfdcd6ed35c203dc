package dev.portcullis.domain.token;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The issuer identifier (RFC 8414 §2): an absolute http(s) URL without query or fragment, and without a
 * trailing slash, so that endpoint URLs can be appended. Issuers are compared exactly (RFC 8414 §3.3, RFC 9068
 * §4): {@code https://a.example/} is refused rather than read as {@code https://a.example}, so a token whose
 * {@code iss} differs from this server's by a slash is not this server's.
 */
public record Issuer(String value) {

    public Issuer {
        if (value == null) {
            throw new IllegalArgumentException("issuer is required");
        }
        if (value.endsWith("/")) {
            throw new IllegalArgumentException("issuer must not end with a slash");
        }
        try {
            URI uri = new URI(value);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("issuer must be an http(s) URL without query or fragment");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("issuer is not a URL", e);
        }
    }

    public String endpoint(String path) {
        return value + path;
    }

    @Override
    public String toString() {
        return value;
    }
}
