package dev.portcullis.adapters.http.discovery;

import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.PublishKeys;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code GET /jwks}: the published public keys as {@code application/jwk-set+json} (RFC 7517 §8.5).
 * The hottest, cheapest route: it writes the bytes of the JWK Set string {@link PublishKeys} holds,
 * re-encoding only when that string changes (a key rotation).
 */
public final class JwksRoutes implements HttpService {

    private static final Header CONTENT_TYPE = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "application/jwk-set+json");
    /** Verifiers may cache for five minutes: a rotated key is published before it signs (see DESIGN). */
    private static final Header CACHE_CONTROL = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "public, max-age=300");

    private final PublishKeys publishKeys;
    private volatile Encoded encoded = new Encoded("", new byte[0]);

    public JwksRoutes(PublishKeys publishKeys) {
        this.publishKeys = Objects.requireNonNull(publishKeys, "publishKeys");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(Paths.JWKS, this::jwks)
                .any(Paths.JWKS, MethodNotAllowed.allowing(Method.GET));
    }

    private void jwks(ServerRequest req, ServerResponse res) {
        String json = publishKeys.jwkSetJson();
        Encoded current = encoded;
        if (!current.json().equals(json)) { // String.equals answers at once for the same instance
            current = new Encoded(json, json.getBytes(StandardCharsets.UTF_8));
            encoded = current;
        }
        res.header(CONTENT_TYPE);
        res.header(CACHE_CONTROL);
        res.send(current.bytes());
    }

    private record Encoded(String json, byte[] bytes) {
    }
}
