package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.form;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client of the authorization_code flow holds and sends (RFC 6749 §4.1, RFC 7636): its
 * verifier and state, the authorization URL, the parameters of the response, and the exchange.
 */
final class CodeFlow {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String verifier = random(48);
    final String challenge = s256(verifier);
    final String state = random(16);
    final String redirectUri;

    CodeFlow(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    /** The authorization URL for the dev client spa, scope read write. */
    String authorizeUrl(String base) {
        return base + "/authorize?" + form("response_type", "code", "client_id", "spa", "redirect_uri", redirectUri,
                "scope", "read write", "state", state, "code_challenge", challenge, "code_challenge_method", "S256");
    }

    /** The exchange at /token, as the public client spa. */
    HttpResponse<String> exchange(RunningServer server, String code) {
        return server.postForm("/token", form("grant_type", "authorization_code", "client_id", "spa", "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
