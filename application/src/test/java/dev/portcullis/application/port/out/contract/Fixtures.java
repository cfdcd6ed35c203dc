package dev.portcullis.application.port.out.contract;

import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Small values that only need to be valid and distinct. */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Fixtures() {}

    /** A fresh token id, distinct from every other one this JVM hands out. */
    public static TokenId anyTokenId() {
        return new TokenId("jti-" + UUID.randomUUID());
    }

    /** The hash of a fresh random opaque value. */
    public static OpaqueTokenHash anyHash() {
        return OpaqueTokenHash.of(UUID.randomUUID() + "-" + SEQUENCE.incrementAndGet());
    }

    public static FamilyId anyFamily() {
        return new FamilyId("fam-" + UUID.randomUUID());
    }

    /** A self-describing salted hash; stores treat it as an opaque string. */
    public static SecretHash anySecretHash() {
        return new SecretHash("$sha256$c2FsdHNhbHQ$" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A string of exactly {@code length} characters made of {@code unit} repeated (and cut). */
    public static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }
}
