package dev.portcullis.application.service;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.TokenSigner;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.SignedAccessToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small working stand-ins for the driven ports, for service tests. The application module cannot
 * see the adapters (they depend on it), so these play their part; the contract suites prove the
 * real adapters behave the same.
 */
final class Fakes {

    private Fakes() {
    }

    /** Hashes as {@code $plain$<secret>}: readable in tests, and counts every check. */
    static final class PlainSecretHasher implements SecretHasher {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public SecretHash hash(String secret) {
            return new SecretHash("$plain$" + secret);
        }

        @Override
        public boolean matches(String secret, SecretHash hash) {
            checks.incrementAndGet();
            return hash.encoded().equals("$plain$" + secret);
        }
    }

    /** Counts up: token ids are predictable in tests. */
    static final class CountingRandom implements RandomSource {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public String nextToken(int bytes) {
            return "random-" + next.incrementAndGet();
        }
    }

    /** "Signs" by remembering the claims under a fake compact string. */
    static final class RecordingSigner implements TokenSigner, TokenVerifier {
        final Map<String, AccessTokenClaims> issued = new HashMap<>();
        final List<AccessTokenClaims> signed = new ArrayList<>();

        @Override
        public SignedAccessToken sign(AccessTokenClaims claims) {
            String compact = "h." + claims.jwtId().value() + ".s";
            issued.put(compact, claims);
            signed.add(claims);
            return new SignedAccessToken(compact, claims);
        }

        @Override
        public Verification verify(String compactToken) {
            AccessTokenClaims claims = issued.get(compactToken);
            return claims == null ? new Verification.Invalid("unknown token") : new Verification.Valid(claims);
        }
    }

    /** Codes in a map, redeemed under one lock; a redeemed code stays until it expires. */
    static class MapCodeStore implements AuthorizationCodeStore {
        private final Map<OpaqueTokenHash, AuthorizationCode> codes = new HashMap<>();
        private final Set<OpaqueTokenHash> redeemed = new HashSet<>();

        @Override
        public synchronized void save(AuthorizationCode code) {
            codes.put(code.hash(), code);
        }

        @Override
        public synchronized Redemption redeem(OpaqueTokenHash hash, Instant now) {
            AuthorizationCode code = codes.get(hash);
            if (code == null || code.isExpiredAt(now)) {
                return new Redemption.Unknown();
            }
            return redeemed.add(hash) ? new Redemption.Redeemed(code) : new Redemption.Replayed(code);
        }
    }
}
