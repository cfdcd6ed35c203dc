package dev.portcullis.domain.client;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Which redirect URI an authorization request may use (RFC 6749 §3.1.2.3, RFC 9700 §4.1.3,
 * OAuth 2.1 §2.3.1): the {@code redirect_uri} sent must equal a registered one as a string,
 * character for character; no normalization, no prefix or pattern matching.
 *
 * <p>The one exception is a registered loopback URI ({@code http://127.0.0.1}, {@code http://[::1]}
 * or {@code http://localhost}): a native app listens on a port it gets from the OS at run time,
 * so any port matches, and nothing else may differ (RFC 8252 §7.3).
 *
 * <p>When the client registered exactly one URI, {@code redirect_uri} may be omitted and that
 * URI is used (RFC 6749 §3.1.2.3).
 */
public final class RedirectUriRule {

    private static final List<String> LOOPBACK_PREFIXES = List.of("http://127.0.0.1", "http://[::1]", "http://localhost");

    private RedirectUriRule() {
    }

    /**
     * @param requested the {@code redirect_uri} parameter as sent; empty when omitted
     * @return the URI to redirect to (the one sent, port included), or empty when none matches
     */
    public static Optional<URI> resolve(List<URI> registered, Optional<String> requested) {
        if (requested.isEmpty()) {
            return registered.size() == 1 ? Optional.of(registered.getFirst()) : Optional.empty();
        }
        String sent = requested.get();
        for (URI candidate : registered) {
            if (candidate.toString().equals(sent) || loopbackMatches(candidate.toString(), sent)) {
                return parse(sent);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code uri} is a loopback redirect URI whose port is free to vary. */
    public static boolean isLoopback(URI uri) {
        return loopbackPrefix(uri.toString()).isPresent();
    }

    /**
     * {@code registered} = prefix [":" port] rest; {@code sent} must be prefix [":" port'] rest with
     * the same prefix and rest. Compared as strings, so that no parser's leniency (userinfo,
     * backslashes, case, dot segments) can widen the match.
     */
    private static boolean loopbackMatches(String registered, String sent) {
        Optional<String> prefix = loopbackPrefix(registered);
        if (prefix.isEmpty() || !sent.startsWith(prefix.get())) {
            return false;
        }
        return withoutPort(registered.substring(prefix.get().length()))
                .flatMap(rest -> withoutPort(sent.substring(prefix.get().length())).map(rest::equals))
                .orElse(false);
    }

    private static Optional<String> loopbackPrefix(String uri) {
        for (String prefix : LOOPBACK_PREFIXES) {
            if (uri.startsWith(prefix)) {
                String after = uri.substring(prefix.length());
                if (after.isEmpty() || after.charAt(0) == ':' || after.charAt(0) == '/'
                        || after.charAt(0) == '?') {
                    return Optional.of(prefix);
                }
            }
        }
        return Optional.empty();
    }

    /** What follows the host, with a valid {@code :port} removed; empty when the port is malformed. */
    private static Optional<String> withoutPort(String afterHost) {
        if (afterHost.isEmpty() || afterHost.charAt(0) != ':') {
            return Optional.of(afterHost);
        }
        int end = 1;
        while (end < afterHost.length() && afterHost.charAt(end) >= '0' && afterHost.charAt(end) <= '9') {
            end++;
        }
        String digits = afterHost.substring(1, end);
        if (digits.isEmpty() || digits.length() > 5 || digits.charAt(0) == '0' || Integer.parseInt(digits) > 65535) {
            return Optional.empty();
        }
        return Optional.of(afterHost.substring(end));
    }

    private static Optional<URI> parse(String sent) {
        try {
            URI uri = new URI(sent);
            return uri.isAbsolute() && uri.getRawFragment() == null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
