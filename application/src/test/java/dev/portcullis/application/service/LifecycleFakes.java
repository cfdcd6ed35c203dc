package dev.portcullis.application.service;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.SigningKeyGenerator;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Working stand-ins for the ports revocation, introspection and key rotation drive (see {@link Fakes}). */
final class LifecycleFakes {

    private LifecycleFakes() {
    }

    /** Remembers each revocation with its end; answers by the clock. Can be made to fail like a store that is down. */
    static final class MapRevocationList implements RevocationList {
        final Map<TokenId, Instant> revoked = new LinkedHashMap<>();
        private final Clock clock;
        RuntimeException failure;

        MapRevocationList(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void revoke(TokenId id, Instant until) {
            if (failure != null) {
                throw failure;
            }
            revoked.merge(id, until, (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public boolean isRevoked(TokenId id) {
            Instant until = revoked.get(id);
            return until != null && clock.instant().isBefore(until);
        }
    }

    /** Refresh tokens by hash; counts lookups so that tests can see which type was tried first. */
    static final class MapRefreshTokenStore implements RefreshTokenStore {
        final Map<OpaqueTokenHash, RefreshToken> tokens = new HashMap<>();
        final AtomicInteger finds = new AtomicInteger();

        @Override
        public void save(RefreshToken token) {
            tokens.put(token.hash(), token);
        }

        @Override
        public Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now) {
            finds.incrementAndGet();
            return Optional.ofNullable(tokens.get(hash)).filter(t -> now.isBefore(t.expiresAt()));
        }

        @Override
        public Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
            throw new UnsupportedOperationException("not used by these services");
        }

        @Override
        public List<RefreshToken> revokeFamily(FamilyId family) {
            List<RefreshToken> members = new ArrayList<>();
            tokens.replaceAll((hash, t) -> {
                if (!t.family().equals(family)) {
                    return t;
                }
                RefreshToken revoked = t.withState(RefreshToken.State.REVOKED);
                members.add(revoked);
                return revoked;
            });
            return members;
        }
    }

    /** A verifier over {@link Fakes.RecordingSigner} that also refuses expired tokens, and counts its calls. */
    static final class TimedVerifier implements TokenVerifier {
        private final Fakes.RecordingSigner signer;
        private final Clock clock;
        final AtomicInteger verifications = new AtomicInteger();

        TimedVerifier(Fakes.RecordingSigner signer, Clock clock) {
            this.signer = signer;
            this.clock = clock;
        }

        @Override
        public Verification verify(String compactToken) {
            verifications.incrementAndGet();
            Verification v = signer.verify(compactToken);
            if (v instanceof Verification.Valid valid && valid.claims().isExpiredAt(clock.instant())) {
                return new Verification.Invalid("expired");
            }
            return v;
        }
    }

    static final class ListKeyStore implements KeyStore {
        final Map<KeyId, SigningKey> keys = new LinkedHashMap<>();

        @Override
        public List<SigningKey> findAll() {
            return keys.values().stream().sorted(Comparator.comparing(SigningKey::activatesAt)).toList();
        }

        @Override
        public void save(SigningKey key) {
            keys.put(key.id(), key);
        }

        @Override
        public boolean delete(KeyId id) {
            return keys.remove(id) != null;
        }
    }

    /** Numbered keys with a fake JWK, created at the clock's time. */
    static final class NumberedKeyGenerator implements SigningKeyGenerator {
        private final Clock clock;
        private final AtomicInteger next = new AtomicInteger();

        NumberedKeyGenerator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public SigningKey generate(SigningAlgorithm algorithm, Instant activatesAt) {
            if (algorithm.isSymmetric()) {
                throw new IllegalArgumentException("not generated");
            }
            String kid = "gen-" + next.incrementAndGet();
            Instant now = clock.instant();
            return new SigningKey(new KeyId(kid), algorithm, "{\"kid\":\"" + kid + "\"}", now,
                    activatesAt.isBefore(now) ? now : activatesAt, Optional.empty());
        }
    }
}
