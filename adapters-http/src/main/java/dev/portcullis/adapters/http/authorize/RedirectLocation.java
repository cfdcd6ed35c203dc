package dev.portcullis.adapters.http.authorize;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code Location} of an authorization response (RFC 6749 §4.1.2, §4.1.2.1): the redirect URI
 * with the response parameters added to its query, keeping any query it already has (§3.1.2).
 * Parameters are form-urlencoded (Appendix B). Registered redirect URIs have no fragment (§3.1.2).
 */
final class RedirectLocation {

    private RedirectLocation() {
    }

    /** @param params in the order they are to appear */
    static String of(URI redirectUri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(redirectUri.toString());
        String query = redirectUri.getRawQuery();
        char last = out.charAt(out.length() - 1);
        boolean first = true;
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (first) {
                if (query == null) {
                    out.append('?');
                } else if (last != '?' && last != '&') {
                    out.append('&');
                }
                first = false;
            } else {
                out.append('&');
            }
            out.append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
