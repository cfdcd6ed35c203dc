package dev.portcullis.application.service;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.TokenSigner;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.SignedAccessToken;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Refresh tokens in a map, rotated under one lock. Tests may override {@link #rotate} to stage a race. */
    static class MapRefreshTokenStore implements RefreshTokenStore {
        private final Map<OpaqueTokenHash, RefreshToken> tokens = new HashMap<>();

        @Override
        public synchronized void save(RefreshToken token) {
            tokens.put(token.hash(), token);
        }

        @Override
        public synchronized Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now) {
            return Optional.ofNullable(tokens.get(hash)).filter(t -> now.isBefore(t.expiresAt()));
        }

        @Override
        public synchronized Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
            Optional<RefreshToken> found = find(presented, now);
            if (found.isEmpty()) {
                return new Rotation.Unknown();
            }
            RefreshToken token = found.get();
            if (!token.isUsableAt(now)) {
                return new Rotation.Reused(token);
            }
            tokens.put(presented, token.withState(RefreshToken.State.ROTATED));
            tokens.put(successor.hash(), successor);
            return new Rotation.Rotated(token);
        }

        @Override
        public synchronized List<RefreshToken> revokeFamily(FamilyId family) {
            List<RefreshToken> revoked = new ArrayList<>();
            for (RefreshToken token : List.copyOf(tokens.values())) {
                if (token.family().equals(family)) {
                    RefreshToken now = token.withState(RefreshToken.State.REVOKED);
                    tokens.put(token.hash(), now);
                    revoked.add(now);
                }
            }
            return revoked;
        }

        synchronized List<RefreshToken> all() {
            return List.copyOf(tokens.values());
        }
    }

    /** Revocations with their end, read against a clock; tests may look at {@link #until}. */
    static final class MapRevocationList implements RevocationList {
        final Map<TokenId, Instant> until = new HashMap<>();
        private final Clock clock;

        MapRevocationList(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized void revoke(TokenId id, Instant end) {
            if (clock.instant().isBefore(end)) {
                until.merge(id, end, (a, b) -> a.isAfter(b) ? a : b);
            }
        }

        @Override
        public synchronized boolean isRevoked(TokenId id) {
            Instant end = until.get(id);
            return end != null && clock.instant().isBefore(end);
        }
    }
}
