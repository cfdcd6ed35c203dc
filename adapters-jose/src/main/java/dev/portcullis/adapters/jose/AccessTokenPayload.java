package dev.portcullis.adapters.jose;

import dev.portcullis.domain.token.AccessTokenClaims;
import java.util.List;

/**
 * Writes the JWT claims set of an access token (RFC 9068 §2.2). Written by hand because it is on
 * the token endpoint's hot path: building a Nimbus {@code JWTClaimsSet} and serialising it cost
 * about twice as much as signing an HS256 token does, and even Nimbus' string escaper (a Gson
 * writer per value) cost most of an ES256 signature. A test parses the output back with Nimbus.
 */
final class AccessTokenPayload {

    private AccessTokenPayload() {}

    static String json(AccessTokenClaims claims) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"iss\":").append(string(claims.issuer().value()));
        json.append(",\"sub\":").append(string(claims.subject()));
        // RFC 7519 §4.1.3: a single audience may be a plain string, which every library reads.
        json.append(",\"aud\":");
        if (claims.audience().size() == 1) {
            json.append(string(claims.audience().getFirst()));
        } else {
            array(json, claims.audience());
        }
        json.append(",\"exp\":").append(claims.expiresAt().getEpochSecond());
        json.append(",\"iat\":").append(claims.issuedAt().getEpochSecond());
        json.append(",\"jti\":").append(string(claims.jwtId().value()));
        json.append(",\"client_id\":").append(string(claims.clientId().value()));
        if (!claims.scope().isEmpty()) {
            json.append(",\"scope\":").append(string(claims.scope().wire()));
        }
        if (!claims.roles().isEmpty()) {
            json.append(",\"roles\":");
            array(json, claims.roles());
        }
        return json.append('}').toString();
    }

    private static void array(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(string(values.get(i)));
        }
        json.append(']');
    }

    /**
     * A JSON string literal, quotes included (RFC 8259 §7): quote, backslash and control characters
     * escaped, and U+2028/U+2029 too, which JavaScript once did not allow unescaped in strings.
     */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
