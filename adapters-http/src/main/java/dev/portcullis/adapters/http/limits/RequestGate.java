package dev.portcullis.adapters.http.limits;

import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.application.port.in.LimitRequests.Admission;
import dev.portcullis.application.port.in.LimitRequests.TooMany;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.error.OAuthError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The edge side of {@link LimitRequests}: which address a request comes from, and the 429 answer.
 * The source is the peer's IP address; with {@code http.trust-forwarded-headers}, the first hop of
 * {@code X-Forwarded-For} (the address the client-facing proxy saw), when it looks like an address.
 */
public final class RequestGate {

    private static final System.Logger LOG = System.getLogger(RequestGate.class.getName());

    /** IPv4, IPv6 (optionally bracketed), nothing else: a forged header cannot mint arbitrary keys. */
    private static final Pattern ADDRESS = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}]?");

    public static final String TOO_MANY = "too many requests: retry after the number of seconds in Retry-After";

    private final LimitRequests limits;
    private final boolean trustForwardedHeaders;

    public RequestGate(LimitRequests limits, boolean trustForwardedHeaders) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    public static RequestGate open() {
        return new RequestGate(LimitRequests.none(), false);
    }

    public String source(ServerRequest req) {
        if (trustForwardedHeaders) {
            Optional<String> forwarded = firstHop(req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of));
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        if (req.remotePeer().address() instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(req.remotePeer().address());
    }

    static Optional<String> firstHop(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String first = values.getFirst();
        int comma = first.indexOf(',');
        String hop = (comma < 0 ? first : first.substring(0, comma)).strip();
        if (!ADDRESS.matcher(hop).matches()) {
            return Optional.empty();
        }
        return Optional.of(hop.startsWith("[") && hop.endsWith("]") ? hop.substring(1, hop.length() - 1) : hop);
    }

    /** The policy's answer for a request from {@code source}. */
    public Admission admit(String source, Optional<ClientId> client) {
        return limits.admit(source, client);
    }

    /**
     * Admits the request, or answers 429 JSON ({@code temporarily_unavailable}) and returns false.
     * {@code what} names the endpoint in the log line.
     */
    public boolean admitOrRefuse(String source, Optional<ClientId> client, ServerResponse res, String what) {
        if (limits.admit(source, client) instanceof TooMany tooMany) {
            LOG.log(Level.INFO, () -> what + " refused: 429: " + tooMany.reason());
            tooManyRequests(res, tooMany.retryAfter());
            return false;
        }
        return true;
    }

    public void failedClientAuthentication(String source, ClientId client) {
        limits.failedClientAuthentication(source, client);
    }

    /** Whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** 429, {@code Retry-After}, {@code Cache-Control: no-store}, RFC 6749-shaped {@code temporarily_unavailable}. */
    public static void tooManyRequests(ServerResponse res, Duration retryAfter) {
        ErrorResponse.of(Status.TOO_MANY_REQUESTS_429, OAuthError.TEMPORARILY_UNAVAILABLE, TOO_MANY)
                .retryAfter(retryAfterSeconds(retryAfter))
                .noStore()
                .send(res);
    }
}
