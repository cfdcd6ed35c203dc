package dev.portcullis.adapters.jose;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.domain.key.KeyId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies access tokens signed by any published key of the shared {@link KeyStore}. The key is
 * chosen by {@code kid} alone and must have been created for exactly the algorithm the header
 * names: the header never chooses how a key is used, which is what defeats algorithm confusion
 * (an HS256 token "signed" with a public key, {@code alg: none}).
 *
 * <p>Every bad token is an {@link Verification.Invalid} answer, never an exception; only a key
 * store that cannot answer the first load throws.
 */
public final class JoseTokenVerifier implements TokenVerifier {

    /** Far above any token we issue (about 1 KiB with many scopes): refused before any parsing. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;

    /** How far apart the clocks of this node and the signing node may be. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private final KeyRing keys;
    private final Clock clock;
    private final Duration clockSkew;

    /** Uses the detected provider, {@link JoseTokenSigner#DEFAULT_REFRESH_INTERVAL} and {@link #DEFAULT_CLOCK_SKEW}. */
    public JoseTokenVerifier(KeyStore keyStore, Clock clock) {
        this(keyStore, clock, CryptoProviders.detect(), JoseTokenSigner.DEFAULT_REFRESH_INTERVAL, DEFAULT_CLOCK_SKEW);
    }

    public JoseTokenVerifier(KeyStore keyStore, Clock clock, CryptoProviders crypto, Duration refreshInterval,
            Duration clockSkew) {
        this.keys = new KeyRing(keyStore, clock, crypto, refreshInterval);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative");
        }
    }

    @Override
    public Verification verify(String compactToken) {
        try {
            return new Verification.Valid(AccessTokenClaimsReader.read(verifiedClaims(compactToken)));
        } catch (Refusal refusal) {
            return new Verification.Invalid(refusal.getMessage());
        }
    }

    /** Re-reads the key store now. */
    public void refresh() {
        keys.refresh();
    }

    private JWTClaimsSet verifiedClaims(String token) throws Refusal {
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        Algorithm algorithm = header.getAlgorithm();
        if (algorithm == null || Algorithm.NONE.equals(algorithm)) {
            throw new Refusal("unsigned token (alg none)");
        }
        requireAccessTokenType(header.getType());
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            // We define no extensions, so any critical one is one we cannot honour (RFC 7515 §4.1.11).
            throw new Refusal("critical header parameters are not supported");
        }
        LoadedKey key = keys.find(keyIdOf(header))
                .orElseThrow(() -> new Refusal("unknown kid " + header.getKeyID()));
        Instant now = clock.instant();
        if (!key.key().isPublishedAt(now)) {
            throw new Refusal("key " + key.key().id() + " is retired");
        }
        if (!algorithm.equals(key.header().getAlgorithm())) {
            throw new Refusal("alg " + algorithm + " does not match key " + key.key().id() + ", which is "
                    + key.key().algorithm());
        }
        try {
            if (!key.verifier().verify(header, jwt.getSigningInput(), jwt.getSignature())) {
                throw new Refusal("bad signature");
            }
        } catch (JOSEException e) {
            throw new Refusal("bad signature: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new Refusal("the payload is not a JWT claims set: " + e.getMessage());
        }
        requireTimely(claims, now);
        return claims;
    }

    private static SignedJWT parse(String token) throws Refusal {
        if (token == null || token.isEmpty()) {
            throw new Refusal("no token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new Refusal("token longer than " + MAX_TOKEN_CHARS + " characters");
        }
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots != 2) {
            throw new Refusal("not a compact JWS: " + (dots + 1) + " parts");
        }
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            // RuntimeException: parsers of hostile input may fail in ways they do not declare.
            throw new Refusal("malformed token: " + e.getMessage());
        }
    }

    /** RFC 9068 §4: typ must be at+jwt; media types compare case-insensitively, "application/" optional. */
    private static void requireAccessTokenType(JOSEObjectType type) throws Refusal {
        String value = type == null ? "" : type.getType();
        if (value.regionMatches(true, 0, "application/", 0, "application/".length())) {
            value = value.substring("application/".length());
        }
        if (!value.equalsIgnoreCase("at+jwt")) {
            throw new Refusal("typ is not at+jwt");
        }
    }

    private static KeyId keyIdOf(JWSHeader header) throws Refusal {
        if (header.getKeyID() == null) {
            throw new Refusal("no kid");
        }
        try {
            return new KeyId(header.getKeyID());
        } catch (IllegalArgumentException e) {
            throw new Refusal("malformed kid");
        }
    }

    private void requireTimely(JWTClaimsSet claims, Instant now) throws Refusal {
        if (claims.getExpirationTime() == null) {
            throw new Refusal("no exp");
        }
        if (!now.isBefore(claims.getExpirationTime().toInstant().plus(clockSkew))) {
            throw new Refusal("expired at " + claims.getExpirationTime().toInstant());
        }
        Instant latestAcceptableStart = now.plus(clockSkew);
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(latestAcceptableStart)) {
            throw new Refusal("not valid before " + claims.getNotBeforeTime().toInstant());
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(latestAcceptableStart)) {
            throw new Refusal("issued in the future, at " + claims.getIssueTime().toInstant());
        }
    }

    /** A bad token: a value carried up to {@link #verify}, cheap because it records no stack trace. */
    static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
