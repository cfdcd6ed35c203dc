package dev.portcullis.adapters.http.authorize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.application.port.in.AuthorizationContext;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "authorization session": a validated request, carried by the login page in one hidden
 * field from {@code GET /authorize} to {@code POST /authorize}, sealed so that nothing in it can
 * be changed. Stateless, so that any node of a cluster can take the POST, given they share the key.
 *
 * <p>Wire form: {@code base64url(json) "." base64url(HMAC-SHA256(key, "portcullis-authz-v1." + base64url(json)))}.
 * The JSON holds the context, the issuer it was shown for, the CSRF nonce of the browser's cookie,
 * and an expiry. A session opens only with a valid MAC, before its expiry, at the same issuer.
 */
public final class AuthorizationSessions {

    public static final int MIN_KEY_BYTES = 32;
    /** A sealed session longer than this is not one: refused before any MAC is computed. */
    static final int MAX_SEALED_LENGTH = 8 * 1024;
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final String DOMAIN_SEPARATOR = "portcullis-authz-v1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param key at least {@value #MIN_KEY_BYTES} random bytes, the same on every node
     * @param ttl how long the login page may stay open before its form is refused
     */
    public AuthorizationSessions(byte[] key, Duration ttl, Clock clock) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the session key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the session lifetime must be positive");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), MAC_ALGORITHM);
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a sealed session holds. */
    public record Session(AuthorizationContext context, Issuer issuer, String csrfNonce) {
        public Session {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(csrfNonce, "csrfNonce");
        }
    }

    public sealed interface Opened {
    }

    public record Valid(Session session) implements Opened {
    }

    /** @param reason for the log */
    public record Invalid(String reason) implements Opened {
    }

    public String seal(Session session) {
        AuthorizationContext context = session.context();
        ObjectNode json = Json.object();
        json.put("c", context.clientId().value());
        json.put("r", context.redirectUri().toString());
        json.put("cc", context.challenge().value());
        json.put("s", context.scope().wire());
        context.state().ifPresent(state -> json.put("st", state));
        json.put("iss", session.issuer().value());
        json.put("n", session.csrfNonce());
        json.put("exp", clock.instant().plus(ttl).getEpochSecond());
        String payload = ENCODER.encodeToString(Json.bytes(json));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** Opens a sealed session presented at {@code issuer}. */
    public Opened open(String sealed, Issuer issuer) {
        if (sealed.length() > MAX_SEALED_LENGTH) {
            return new Invalid("session too long");
        }
        int dot = sealed.indexOf('.');
        if (dot < 0 || sealed.indexOf('.', dot + 1) >= 0) {
            return new Invalid("session is not payload.mac");
        }
        String payload = sealed.substring(0, dot);
        // compared as text: a second encoding of the same MAC (other unused low bits) is refused too
        byte[] expected = ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sealed.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return new Invalid("session MAC does not verify: tampered, or sealed with another key");
        }
        byte[] json;
        try {
            json = DECODER.decode(payload);
        } catch (IllegalArgumentException e) {
            return new Invalid("session is not base64url");
        }
        return read(json, issuer);
    }

    private Opened read(byte[] bytes, Issuer issuer) {
        try {
            JsonNode json = MAPPER.readTree(bytes);
            if (!json.path("iss").asText().equals(issuer.value())) {
                return new Invalid("session was shown for issuer " + json.path("iss").asText() + ", presented at " + issuer);
            }
            Instant expiry = Instant.ofEpochSecond(json.path("exp").asLong(0));
            if (!clock.instant().isBefore(expiry)) {
                return new Invalid("session expired at " + expiry);
            }
            Optional<String> state = json.hasNonNull("st") ? Optional.of(json.get("st").asText()) : Optional.empty();
            AuthorizationContext context = new AuthorizationContext(
                    new ClientId(json.path("c").asText()),
                    new URI(json.path("r").asText()),
                    new PkceChallenge(json.path("cc").asText()),
                    ScopeSet.parse(json.path("s").asText()).orElseThrow(() -> new IllegalArgumentException("scope")),
                    state);
            return new Valid(new Session(context, issuer, json.path("n").asText()));
        } catch (IOException | java.net.URISyntaxException | IllegalArgumentException e) {
            // only a server holding the key writes sessions: this is a bug or a key shared with something else
            return new Invalid("session payload unreadable: " + e.getClass().getSimpleName());
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac.doFinal((DOMAIN_SEPARATOR + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "AuthorizationSessions[ttl=" + ttl + "]";
    }
}
