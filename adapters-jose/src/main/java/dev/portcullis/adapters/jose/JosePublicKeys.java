package dev.portcullis.adapters.jose;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.PublicKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JWK Set served at {@code /jwks}: the public half of every published key (created and not
 * yet retired, so a new key is known before it signs), each with {@code kid}, {@code alg} and
 * {@code use: sig}. Symmetric (HS256) keys are never published: anyone holding one could mint
 * tokens. The public JWKs are rebuilt from public parameters only, by {@link LoadedKey}.
 *
 * <p>The JSON is built once and served as the same string until the key set changes or a
 * published key reaches its retirement.
 */
public final class JosePublicKeys implements PublicKeys {

    private final KeyRing keys;
    private final Clock clock;
    private volatile Rendered rendered;

    /** @param validUntil when the first of the listed keys retires: the document is stale from then on */
    private record Rendered(long generation, Instant validUntil, String json) {}

    /** Uses the detected provider and re-reads the key store every {@link JoseTokenSigner#DEFAULT_REFRESH_INTERVAL}. */
    public JosePublicKeys(KeyStore keyStore, Clock clock) {
        this(keyStore, clock, CryptoProviders.detect(), JoseTokenSigner.DEFAULT_REFRESH_INTERVAL);
    }

    public JosePublicKeys(KeyStore keyStore, Clock clock, CryptoProviders crypto, Duration refreshInterval) {
        this.keys = new KeyRing(keyStore, clock, crypto, refreshInterval);
        this.clock = clock;
    }

    @Override
    public String jwkSetJson() {
        KeyRing.Snapshot snapshot = keys.current();
        Instant now = clock.instant();
        Rendered r = rendered;
        if (r == null || r.generation() != snapshot.generation() || !now.isBefore(r.validUntil())) {
            r = render(snapshot, now);
            rendered = r;
        }
        return r.json();
    }

    /** Re-reads the key store now. */
    public void refresh() {
        keys.refresh();
    }

    private static Rendered render(KeyRing.Snapshot snapshot, Instant now) {
        List<Map<String, Object>> published = new ArrayList<>();
        Instant validUntil = Instant.MAX;
        for (LoadedKey key : snapshot.newestFirst()) {
            if (key.publicJwk().isEmpty() || !key.key().isPublishedAt(now)) {
                continue;
            }
            published.add(key.publicJwk().get());
            Instant retires = key.key().retiresAt().orElse(Instant.MAX);
            if (retires.isBefore(validUntil)) {
                validUntil = retires;
            }
        }
        return new Rendered(snapshot.generation(), validUntil, JSONObjectUtils.toJSONString(Map.of("keys", published)));
    }
}
