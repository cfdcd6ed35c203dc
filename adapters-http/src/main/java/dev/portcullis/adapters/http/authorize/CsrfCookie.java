package dev.portcullis.adapters.http.authorize;

import dev.portcullis.domain.token.Issuer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser half of the login form's CSRF protection: a random nonce in an HttpOnly,
 * SameSite=Strict cookie that the sealed session names. A cross-site form post carries neither a
 * session sealed for that browser's nonce nor, thanks to SameSite, the cookie.
 *
 * <p>Over https the cookie is {@code __Host-portcullis-csrf} (Secure, Path=/, no Domain: it cannot
 * be set or shadowed by a sibling subdomain or a plain-http page). Over plain http (development)
 * it is {@code portcullis-csrf}, since browsers refuse Secure cookies there.
 */
final class CsrfCookie {

    static final String SECURE_NAME = "__Host-portcullis-csrf";
    static final String PLAIN_NAME = "portcullis-csrf";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfCookie() {
    }

    static String name(Issuer issuer) {
        return isHttps(issuer) ? SECURE_NAME : PLAIN_NAME;
    }

    /** 256 random bits, base64url. */
    static String newNonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isNonce(String value) {
        return NONCE.matcher(value).matches();
    }

    static String setCookie(Issuer issuer, String nonce) {
        return name(issuer) + "=" + nonce + "; Path=/; HttpOnly; SameSite=Strict" + (isHttps(issuer) ? "; Secure" : "");
    }

    /**
     * The values of every cookie called {@code name} in the request's {@code Cookie} header fields
     * (RFC 6265 §5.4). More than one means someone planted a second cookie: callers refuse that.
     */
    static List<String> values(List<String> cookieHeaders, String name) {
        List<String> values = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    values.add(pair.substring(eq + 1).strip());
                }
            }
        }
        return values;
    }

    /** The one well-formed nonce cookie the request carries, if it carries exactly one. */
    static Optional<String> single(List<String> cookieHeaders, Issuer issuer) {
        List<String> values = values(cookieHeaders, name(issuer));
        return values.size() == 1 && isNonce(values.getFirst()) ? Optional.of(values.getFirst()) : Optional.empty();
    }

    private static boolean isHttps(Issuer issuer) {
        return issuer.value().startsWith("https://");
    }
}
