package dev.portcullis.adapters.http.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Authorization requests and what tests read from the answers: query strings, hidden fields, cookies, redirects. */
public final class AuthorizeRequests {

    public static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public static final String CHALLENGE = s256(VERIFIER);
    private static final Pattern SESSION_FIELD = Pattern.compile("name=\"session\" value=\"([^\"]*)\"");

    private final List<String[]> params = new ArrayList<>();

    private AuthorizeRequests() {
    }

    /** client spa, {@code https://app.example/callback}, response_type code, S256 challenge, scope read, state xyz. */
    public static AuthorizeRequests valid() {
        return new AuthorizeRequests()
                .set("client_id", AuthorizeFixture.SPA)
                .set("redirect_uri", AuthorizeFixture.WEB_CALLBACK.toString())
                .set("response_type", "code")
                .set("code_challenge", CHALLENGE)
                .set("code_challenge_method", "S256")
                .set("scope", "read")
                .set("state", "xyz");
    }

    public AuthorizeRequests set(String name, String value) {
        without(name);
        params.add(new String[] {name, value});
        return this;
    }

    /** Adds one more occurrence of {@code name}. */
    public AuthorizeRequests add(String name, String value) {
        params.add(new String[] {name, value});
        return this;
    }

    public AuthorizeRequests without(String name) {
        params.removeIf(p -> p[0].equals(name));
        return this;
    }

    /** {@code /authorize?…}, form-urlencoded. */
    public String path() {
        return "/authorize?" + form(params);
    }

    public static String form(String... pairs) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new String[] {pairs[i], pairs[i + 1]});
        }
        return form(list);
    }

    private static String form(List<String[]> pairs) {
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(pair[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The sealed session in the login page's hidden field. */
    public static String sessionField(String html) {
        Matcher m = SESSION_FIELD.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no session field in: " + html);
        }
        return m.group(1);
    }

    /** {@code name=value} of the first Set-Cookie, ready for a Cookie header. */
    public static String cookie(Reply reply) {
        String setCookie = reply.header("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** The query parameters of a redirect's Location, decoded, in order. */
    public static Map<String, String> redirectParams(Reply reply) {
        String location = reply.header("Location").orElseThrow(() -> new AssertionError("no Location; status "
                + reply.status() + ": " + reply.body()));
        String query = URI.create(location).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The Location without its query. */
    public static String redirectTarget(Reply reply) {
        String location = reply.header("Location").orElseThrow();
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q);
    }

    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
