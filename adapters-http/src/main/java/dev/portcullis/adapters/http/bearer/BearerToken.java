package dev.portcullis.adapters.http.bearer;

import java.util.List;
import java.util.Objects;

/**
 * A bearer token from the Authorization header only (RFC 6750 §2.1): {@code Bearer 1*SP b64token},
 * scheme case-insensitive. Form and query tokens (§2.2, §2.3) are not accepted.
 */
public final class BearerToken {

    private BearerToken() {
    }

    public sealed interface Parse {
    }

    /** No Authorization header: the client did not know authentication is needed. */
    public record Missing() implements Parse {
    }

    /** Another scheme (e.g. Basic): RFC 6750 §3.1 treats it like no authentication at all. */
    public record OtherScheme() implements Parse {
    }

    /** @param reason for the log; never echoes the header */
    public record Malformed(String reason) implements Parse {
    }

    public record Present(String token) implements Parse {
        public Present {
            Objects.requireNonNull(token, "token");
        }

        /** Never prints the token: it is a bearer credential. */
        @Override
        public String toString() {
            return "Present[…]";
        }
    }

    /** @param authorization every Authorization header value of the request */
    public static Parse parse(List<String> authorization) {
        if (authorization.isEmpty()) {
            return new Missing();
        }
        if (authorization.size() > 1) {
            return new Malformed("more than one Authorization header");
        }
        String value = authorization.getFirst().strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (scheme.isEmpty()) {
            return new Malformed("empty Authorization header");
        }
        if (!scheme.equalsIgnoreCase("Bearer")) {
            return new OtherScheme();
        }
        String token = space < 0 ? "" : value.substring(space + 1).stripLeading();
        if (token.isEmpty()) {
            return new Malformed("Bearer without a token");
        }
        if (!isB64token(token)) {
            return new Malformed("Bearer token is not a b64token");
        }
        return new Present(token);
    }

    /**
     * {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}: checked by hand, because a
     * regex here cost /whoami almost a tenth of its throughput (every protected request checks a ~300-character token).
     */
    static boolean isB64token(String token) {
        int i = 0;
        while (i < token.length() && isB64tokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < token.length() && token.charAt(i) == '=') {
            i++;
        }
        return i == token.length();
    }

    private static boolean isB64tokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
