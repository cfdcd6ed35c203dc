package dev.portcullis.domain.client;

import dev.portcullis.domain.syntax.Ascii;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URIs a client may register as redirect URIs (RFC 9700 §2.1 and §4.1, RFC 8252 §7, OAuth 2.1 §2.3.1): the
 * authorization response carries a code to that address, and the login page lists it in its CSP, so a URI that a
 * browser would execute or send in clear to a network host must never be registered, nor be redirected to.
 *
 * <ul>
 *   <li>{@code https} with a host: a web application;</li>
 *   <li>{@code http} only on a loopback address, {@code 127.0.0.1} or {@code [::1]} (RFC 8252 §7.3); {@code localhost}
 *       only when this policy allows it (the dev profile): RFC 8252 §8.3 advises against it, as it may resolve
 *       elsewhere;</li>
 *   <li>a private-use scheme in reverse-domain form followed by a path, {@code com.example.app:/callback}
 *       (RFC 8252 §7.1): a native app.</li>
 * </ul>
 *
 * <p>Everything else is refused: {@code javascript:}, {@code data:}, {@code file:} and every other scheme, a scheme
 * not in lower case, userinfo, a fragment (even empty), a wildcard ({@code *}), characters outside printable ASCII.
 * The checks read the URI as written, not as a lenient parser would normalize it, because it is compared and
 * redirected to as written.
 *
 * @param localhost whether {@code http://localhost} counts as loopback
 */
public record RedirectUriPolicy(Localhost localhost) {

    /** Whether {@code http://localhost} is allowed beside the loopback addresses. */
    public enum Localhost { REFUSED, ALLOWED }

    /** The rule outside the dev profile. */
    public static final RedirectUriPolicy STRICT = new RedirectUriPolicy(Localhost.REFUSED);
    /** The dev profile's rule: {@code http://localhost} is also a loopback redirect URI. */
    public static final RedirectUriPolicy DEV = new RedirectUriPolicy(Localhost.ALLOWED);

    /** RFC 8252 §7.1: a reversed domain name, at least two labels, lower case. */
    private static final Pattern REVERSE_DOMAIN = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final int MAX_PORT = 65535;
    private static final int MAX_NAMED_SCHEME = 32;
    private static final String ALLOWED = "use https, http on a loopback address (127.0.0.1 or [::1]), or a private-use "
            + "scheme in reverse-domain form such as com.example.app:/callback";

    public RedirectUriPolicy {
        Objects.requireNonNull(localhost, "localhost");
    }

    /** Why {@code uri} may not be a redirect URI; empty when it may. The reason names the rule, never the URI. */
    public Optional<String> refusal(URI uri) {
        return refusal(uri.toString());
    }

    /** Why {@code uri}, as written, may not be a redirect URI; empty when it may. */
    public Optional<String> refusal(String uri) {
        if (uri.isEmpty() || !Ascii.allVchar(uri)) {
            return Optional.of("a redirect URI must be printable ASCII without spaces");
        }
        if (uri.indexOf('#') >= 0) {
            return Optional.of("a redirect URI must not have a fragment (RFC 6749 §3.1.2)");
        }
        if (uri.indexOf('*') >= 0) {
            return Optional.of("a redirect URI must not contain a wildcard (*): it is compared exactly");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("a redirect URI must be a valid absolute URI");
        }
        String scheme = parsed.getScheme();
        if (scheme == null) {
            return Optional.of("redirect URIs must be absolute: " + ALLOWED);
        }
        if (!uri.startsWith(scheme.toLowerCase(java.util.Locale.ROOT) + ":")) {
            return Optional.of("a redirect URI's scheme must be in lower case");
        }
        if (parsed.getRawAuthority() != null && parsed.getRawAuthority().indexOf('@') >= 0) {
            return Optional.of("a redirect URI must not carry userinfo (user@host)");
        }
        if (parsed.getPort() > MAX_PORT) {
            return Optional.of("a redirect URI's port must be at most " + MAX_PORT);
        }
        return switch (scheme) {
            case "https" -> parsed.getHost() == null || !uri.startsWith("https://" + parsed.getHost())
                    ? Optional.of("an https redirect URI needs a host: https://host/path")
                    : Optional.empty();
            case "http" -> loopback(uri, parsed) ? Optional.empty() : Optional.of("http is allowed only on a loopback address ("
                    + (localhost == Localhost.ALLOWED ? "127.0.0.1, [::1] or localhost" : "127.0.0.1 or [::1]")
                    + ", RFC 8252 §7.3): use https");
            default -> privateUse(scheme, parsed);
        };
    }

    /** RFC 8252 §7.1: {@code com.example.app:/callback}; any other scheme is refused, named (it is [a-z0-9+.-] only). */
    private static Optional<String> privateUse(String scheme, URI parsed) {
        if (!REVERSE_DOMAIN.matcher(scheme).matches()) {
            String named = scheme.length() > MAX_NAMED_SCHEME ? scheme.substring(0, MAX_NAMED_SCHEME) + "…" : scheme;
            return Optional.of("scheme " + named + " is not allowed for a redirect URI: " + ALLOWED);
        }
        if (!parsed.getRawSchemeSpecificPart().startsWith("/")) {
            return Optional.of("a private-use redirect URI needs a path after the scheme: com.example.app:/callback");
        }
        return Optional.empty();
    }

    /** {@code http://} then exactly a loopback host, then a port, a path, a query or nothing. */
    private boolean loopback(String uri, URI parsed) {
        String host = parsed.getHost();
        boolean loopbackHost = "127.0.0.1".equals(host) || "[::1]".equals(host)
                || (localhost == Localhost.ALLOWED && "localhost".equals(host));
        return loopbackHost && uri.startsWith("http://" + host) && RedirectUriRule.isLoopback(parsed);
    }
}
