package dev.portcullis.adapters.http.protocol;

import java.util.Map;

/** {@code WWW-Authenticate} values (RFC 9110 §11.6.1, RFC 6749 §5.2, RFC 6750 §3). */
public final class Challenges {

    public static final String REALM = "portcullis";

    private static final String BASIC = "Basic realm=\"" + REALM + "\"";

    private Challenges() {
    }

    /** The challenge for client authentication at the token endpoint. */
    public static String basic() {
        return BASIC;
    }

    /**
     * A Bearer challenge with the given auth-params after the realm, in order. Values must not
     * contain {@code "} or {@code \}; every value the edge sends is a fixed text or a scope list,
     * whose syntax excludes both (RFC 6749 §3.3).
     */
    public static String bearer(Map<String, String> params) {
        StringBuilder out = new StringBuilder("Bearer realm=\"").append(REALM).append('"');
        params.forEach((name, value) -> {
            if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("auth-param " + name + " needs escaping");
            }
            out.append(", ").append(name).append("=\"").append(value).append('"');
        });
        return out.toString();
    }
}
