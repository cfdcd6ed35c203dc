package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.util.Base64URL;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.TokenSigner;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.SignedAccessToken;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs access tokens as compact JWS (RFC 9068): header {@code {"typ":"at+jwt","kid":…,"alg":…}}
 * and the claims of {@link AccessTokenPayload}. The key is the newest one that is active now in
 * the shared {@link KeyStore}, which is re-read at most every refresh interval.
 *
 * <p>Hot path: per token, one JSON string, two base64url encodings and one signature; keys,
 * signers and headers are prepared once per key by {@link KeyRing}.
 */
public final class JoseTokenSigner implements TokenSigner {

    /** How stale this node's view of the shared keys may get by default. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyRing keys;
    private final Clock clock;

    /** Uses the detected provider and re-reads the key store every {@link #DEFAULT_REFRESH_INTERVAL}. */
    public JoseTokenSigner(KeyStore keyStore, Clock clock) {
        this(keyStore, clock, CryptoProviders.detect(), DEFAULT_REFRESH_INTERVAL);
    }

    public JoseTokenSigner(KeyStore keyStore, Clock clock, CryptoProviders crypto, Duration refreshInterval) {
        this.keys = new KeyRing(keyStore, clock, crypto, refreshInterval);
        this.clock = clock;
    }

    /**
     * @throws IllegalStateException when no key can sign now: a deployment fault, not an answer
     */
    @Override
    public SignedAccessToken sign(AccessTokenClaims claims) {
        Instant now = clock.instant();
        LoadedKey key = keys.current().signingKeyAt(now)
                .orElseThrow(() -> new IllegalStateException("no signing key is active at " + now
                        + ": generate one or load a JWK set file"));
        byte[] payload = BASE64URL.encode(AccessTokenPayload.json(claims).getBytes(StandardCharsets.UTF_8));
        byte[] header = key.headerBase64();
        byte[] signingInput = new byte[header.length + 1 + payload.length];
        System.arraycopy(header, 0, signingInput, 0, header.length);
        signingInput[header.length] = '.';
        System.arraycopy(payload, 0, signingInput, header.length + 1, payload.length);
        Base64URL signature;
        try {
            signature = key.signer().sign(key.header(), signingInput);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.key().id() + " failed", e);
        }
        String compact = new String(signingInput, StandardCharsets.US_ASCII) + '.' + signature;
        return new SignedAccessToken(compact, claims);
    }

    /** Re-reads the key store now, e.g. right after this node rotated a key. */
    public void refresh() {
        keys.refresh();
    }
}
