package dev.portcullis.adapters.http.issuer;

import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.Issuer;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which issuer a request is addressed to (RFC 8414 §2), as its {@link IssuerSource} says. The configured issuer
 * when there is one; otherwise the scheme of the connection ({@code http}, or {@code https} when the server itself
 * terminates TLS) and the {@code Host} header. {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} are honoured only when configured to be trusted, i.e. when every
 * request reaches the server through a proxy that sets them.
 *
 * <p>A derived issuer is normalized (host lower-cased, default port dropped), so that
 * {@code Example.COM:80} and {@code example.com} name the same issuer. Anything that is not a
 * plain {@code host[:port]} (no userinfo, path, or stray characters) yields no issuer, which the
 * routes answer with 400 {@code invalid_request}; so does a derived issuer that a {@link IssuerSource.Listed list}
 * does not hold.
 */
public final class IssuerResolver {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern HOST_AND_PORT = Pattern.compile(
            "(?<host>" + LABEL + "(?:\\." + LABEL + ")*\\.?|\\[[0-9a-f:.]+])(?::(?<port>[0-9]{1,5}))?");

    private static final Header VARY_HOST = HeaderValues.createCached(HeaderNames.VARY, "Host");
    private static final Header VARY_FORWARDED = HeaderValues.createCached(HeaderNames.VARY,
            "Host, X-Forwarded-Host, X-Forwarded-Proto");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final IssuerSource source;
    private final Optional<Issuer> configured;
    private final boolean trustForwardedHeaders;
    /** The last derivation: a node is nearly always addressed by one name, and deriving costs a regex and a URI parse. */
    private volatile Derived last = new Derived("", "", Optional.empty());

    private record Derived(String scheme, String authority, Optional<Issuer> issuer) {
    }

    /** The configured issuer, or else any host's, exactly as named. */
    public IssuerResolver(Optional<Issuer> configured, boolean trustForwardedHeaders) {
        this(configured.<IssuerSource>map(IssuerSource.Configured::new).orElseGet(IssuerSource::anyHost),
                trustForwardedHeaders);
    }

    public IssuerResolver(IssuerSource source, boolean trustForwardedHeaders) {
        this.source = Objects.requireNonNull(source, "source");
        this.configured = source instanceof IssuerSource.Configured c ? Optional.of(c.issuer()) : Optional.empty();
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    /** Why a request without an issuer is refused, for the log. */
    public static final String NO_ISSUER = "no issuer: Host header missing or not a host[:port]";

    /**
     * The request's issuer, or, when it has none, the answer sent: 400 {@code invalid_request}, logged as
     * {@code "<what> refused: no issuer: …"}.
     */
    public Optional<Issuer> resolveOrRefuse(ServerRequest request, ServerResponse response, System.Logger log, String what) {
        Optional<Issuer> issuer = resolve(request);
        if (issuer.isEmpty()) {
            log.log(System.Logger.Level.INFO, what + " refused: " + NO_ISSUER);
            ErrorResponse.of(Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST).send(response);
        }
        return issuer;
    }

    /**
     * Marks an answer whose body names the issuer as varying by the headers the issuer is derived from, so that no
     * shared cache serves one host's answer for another; nothing when the issuer is configured.
     */
    public void varyByIssuer(ServerResponse response) {
        if (configured.isPresent()) {
            return;
        }
        response.header(trustForwardedHeaders ? VARY_FORWARDED : VARY_HOST);
    }

    public Optional<Issuer> resolve(ServerRequest request) {
        if (configured.isPresent()) {
            return configured;
        }
        Headers headers = request.headers();
        return resolve(request.isSecure(),
                headers.all(HeaderNames.HOST, List::of),
                headers.all(HeaderNames.X_FORWARDED_PROTO, List::of),
                headers.all(HeaderNames.X_FORWARDED_HOST, List::of));
    }

    /** The rule itself, free of Helidon types. Each list holds the header's field values as received. */
    public Optional<Issuer> resolve(boolean secure, List<String> host, List<String> forwardedProto,
                                    List<String> forwardedHost) {
        if (configured.isPresent()) {
            return configured;
        }
        String scheme = secure ? "https" : "http";
        Optional<String> authority = single(host);
        if (trustForwardedHeaders) {
            Optional<String> proto = firstListElement(forwardedProto);
            if (proto.isPresent()) {
                String p = proto.get().toLowerCase(Locale.ROOT);
                if (!p.equals("http") && !p.equals("https")) {
                    return Optional.empty();
                }
                scheme = p;
            }
            Optional<String> forwarded = firstListElement(forwardedHost);
            if (forwarded.isPresent()) {
                authority = forwarded;
            }
        }
        if (authority.isEmpty()) {
            return Optional.empty();
        }
        Derived derived = last;
        if (!derived.scheme().equals(scheme) || !derived.authority().equals(authority.get())) {
            derived = new Derived(scheme, authority.get(), accepted(derive(scheme, authority.get())));
            last = derived;
        }
        return derived.issuer();
    }

    /** The source's rule over a well-formed derived issuer. */
    private Optional<Issuer> accepted(Optional<Issuer> derived) {
        return switch (source) {
            case IssuerSource.Configured c -> Optional.of(c.issuer());
            case IssuerSource.Listed listed -> derived.filter(listed.issuers()::contains);
            case IssuerSource.AnyHost any ->
                    any.loopbackAsLocalhost() ? derived.map(IssuerResolver::loopbackAsLocalhost) : derived;
        };
    }

    /** {@code http://127.0.0.1:8080} and {@code http://[::1]:8080} are {@code http://localhost:8080}. */
    private static Issuer loopbackAsLocalhost(Issuer issuer) {
        URI uri = URI.create(issuer.value());
        String host = uri.getHost(); // already lower-case: see derive(scheme, authority)
        if (!LOOPBACK_NAMES.contains(host) || host.equals("localhost")) {
            return issuer;
        }
        return new Issuer(uri.getScheme() + "://localhost" + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    /**
     * The issuer a request over {@code scheme} with this {@code Host} derives, normalized (host lower-cased, a trailing
     * dot and a default port dropped); empty when the authority is not a plain {@code host[:port]}. Configuration
     * writes its allowed issuers in this form too, so that the two compare exactly.
     */
    public static Optional<Issuer> derive(String scheme, String authority) {
        var matcher = HOST_AND_PORT.matcher(authority.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String host = matcher.group("host");
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String port = matcher.group("port");
        if (port != null) {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                return Optional.empty();
            }
            boolean defaultPort = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
            port = defaultPort ? null : String.valueOf(number);
        }
        try {
            return Optional.of(new Issuer(scheme + "://" + host + (port == null ? "" : ":" + port)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> single(List<String> values) {
        return values.size() == 1 ? Optional.of(values.getFirst().strip()) : Optional.empty();
    }

    /** The first element of a comma-separated list header: the value the client-facing proxy set. */
    private static Optional<String> firstListElement(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String first = values.getFirst();
        int comma = first.indexOf(',');
        return Optional.of((comma < 0 ? first : first.substring(0, comma)).strip());
    }
}
