package dev.portcullis.application.service;

import dev.portcullis.application.port.in.ListSigningKeys;
import dev.portcullis.application.port.in.SigningKeySummary;
import dev.portcullis.application.port.in.SigningKeySummary.Status;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists the stored keys and where each stands now. The signing key is chosen as every node chooses
 * it: the newest active key (latest activation, then latest creation, then smallest kid).
 */
public final class ListSigningKeysService implements ListSigningKeys {

    static final Comparator<SigningKey> NEWEST_FIRST = Comparator.comparing(SigningKey::activatesAt).reversed()
            .thenComparing(Comparator.comparing(SigningKey::createdAt).reversed())
            .thenComparing(k -> k.id().value());

    private final KeyStore keys;
    private final Clock clock;

    public ListSigningKeysService(KeyStore keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<SigningKeySummary> list() {
        Instant now = clock.instant();
        List<SigningKey> all = keys.findAll();
        Optional<SigningKey> signing = signingKeyAt(all, now);
        return all.stream()
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::createdAt))
                .map(k -> summary(k, now, signing))
                .toList();
    }

    static Optional<SigningKey> signingKeyAt(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(k -> k.canSignAt(now)).min(NEWEST_FIRST);
    }

    static SigningKeySummary summary(SigningKey key, Instant now, Optional<SigningKey> signing) {
        return SigningKeySummary.of(key, statusOf(key, now, signing));
    }

    private static Status statusOf(SigningKey key, Instant now, Optional<SigningKey> signing) {
        if (!key.isPublishedAt(now)) {
            return Status.RETIRED;
        }
        if (now.isBefore(key.activatesAt())) {
            return Status.PENDING;
        }
        return signing.filter(s -> s.id().equals(key.id())).isPresent() ? Status.SIGNING : Status.VERIFYING;
    }
}
