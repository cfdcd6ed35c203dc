package dev.portcullis.application.service;

import dev.portcullis.application.port.out.SigningKeyGenerator;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Working stand-ins for the ports revocation, introspection and key rotation drive (see {@link Fakes}). */
final class LifecycleFakes {

    private LifecycleFakes() {
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
