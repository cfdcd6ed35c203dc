package dev.portcullis.adapters.http.authorize;

import dev.portcullis.adapters.http.protocol.CacheHeaders;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Headers and sending for every answer of the authorization endpoint. Pages are
 * {@code text/html; charset=utf-8}, never framed (X-Frame-Options and {@code frame-ancestors}),
 * under a CSP that allows the one inline stylesheet and form posts to this origin only; nothing
 * is cached and no Referer leaves the page (the URL carries the request; redirects carry codes).
 */
final class HtmlResponses {

    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    static final String BASE_CSP = "default-src 'none'; style-src " + Pages.STYLE_SOURCE
            + "; frame-ancestors 'none'; base-uri 'none'";
    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final Header FRAME_DENY = HeaderValues.createCached(HeaderNames.create("X-Frame-Options"), "DENY");
    private static final Header NO_REFERRER = HeaderValues.createCached(HeaderNames.create("Referrer-Policy"), "no-referrer");
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");
    private static final Pattern SAFE_SCHEME = Pattern.compile("[a-z][a-z0-9+.\\-]*");

    private HtmlResponses() {
    }

    /** For every response of the endpoint, redirects included: they carry codes and requests. */
    static void commonHeaders(ServerResponse res) {
        CacheHeaders.noStore(res);
        res.header(NO_REFERRER);
    }

    /**
     * Sends a page. {@code formTarget} is where the page's form may lead beyond this origin: the
     * client's redirect URI, which the POST answers with a redirect to (CSP {@code form-action}
     * governs redirects after a form submission too).
     */
    static void page(ServerResponse res, Status status, String html, Optional<URI> formTarget) {
        res.status(status);
        res.header(FRAME_DENY);
        res.header(CSP, csp(formTarget));
        res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        res.send(html.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(ServerResponse res, Status status, String location) {
        res.status(status);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }

    static String csp(Optional<URI> formTarget) {
        String formAction = "form-action 'self'" + formTarget.flatMap(HtmlResponses::sourceOf).map(s -> " " + s).orElse("");
        return BASE_CSP + "; " + formAction;
    }

    /** The CSP source expression for a URI's origin; empty when it cannot be written safely. */
    static Optional<String> sourceOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SAFE_SCHEME.matcher(scheme).matches()) {
            return Optional.empty();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(scheme + ":");
        }
        String host = uri.getHost();
        if (host == null || !SAFE_HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
    }
}
