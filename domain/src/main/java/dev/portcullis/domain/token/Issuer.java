package dev.portcullis.domain.token;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The issuer identifier (RFC 8414 §2): an absolute http(s) URL without query or fragment,
 * kept without a trailing slash so that endpoint URLs can be appended.
 */
public record Issuer(String value) {

    public Issuer {
        if (value == null) {
            throw new IllegalArgumentException("issuer is required");
        }
        value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
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
