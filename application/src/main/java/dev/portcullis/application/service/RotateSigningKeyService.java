package dev.portcullis.application.service;

import dev.portcullis.application.port.in.RotateSigningKey;
import dev.portcullis.application.port.in.SigningKeySummary;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.SigningKeyGenerator;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.key.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rotates the shared signing key. The timeline, with {@code T} the moment of rotation:
 * <pre>
 *   T            new key saved: every node publishes it at /jwks (within its key refresh interval)
 *   T + delay    new key signs (A = its activation; later if another key already activates later)
 *   A + L + g    every key that signed before is retired: unpublished, its tokens refused
 * </pre>
 * where {@code L} is the longest access-token lifetime any client has (the server default or a
 * client's own) and {@code g} the retirement grace, so every token an old key signed has expired
 * before the key disappears. Keys already scheduled to retire keep their date.
 *
 * <p>HS256 keys are operator-provided shared secrets and are not rotated here.
 */
public final class RotateSigningKeyService implements RotateSigningKey {

    private final KeyStore keys;
    private final SigningKeyGenerator generator;
    private final ClientRepository clients;
    private final Clock clock;
    private final KeyRotationSettings settings;

    public RotateSigningKeyService(KeyStore keys, SigningKeyGenerator generator, ClientRepository clients, Clock clock,
            KeyRotationSettings settings) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public KeyRotation rotate() {
        if (settings.algorithm().isSymmetric()) {
            return new KeyRotation.NotRotatable(settings.algorithm() + " keys are shared secrets the operator provides:"
                    + " configure a new one instead");
        }
        Instant now = clock.instant();
        List<SigningKey> before = keys.findAll();
        // Nothing signs now (an empty store): no resource server can have cached a key, so there is nothing to wait for.
        boolean someKeySigns = before.stream().anyMatch(k -> k.canSignAt(now));
        Instant activatesAt = someKeySigns ? now.plus(settings.activationDelay()) : now;
        for (SigningKey key : before) {
            // never behind a key that is already waiting: the newest key must be the one that signs last
            if (key.isPublishedAt(now) && key.activatesAt().isAfter(activatesAt)) {
                activatesAt = key.activatesAt();
            }
        }
        SigningKey created = generator.generate(settings.algorithm(), activatesAt);
        keys.save(created);

        Instant retiresAt = created.activatesAt().plus(longestTokenLifetime()).plus(settings.retirementGrace());
        List<SigningKey> after = new ArrayList<>(List.of(created));
        List<SigningKey> retiring = new ArrayList<>();
        for (SigningKey key : before) {
            if (key.id().equals(created.id())) {
                continue;
            }
            if (key.retiresAt().isPresent() || !key.isPublishedAt(now)) {
                after.add(key);
                continue;
            }
            SigningKey scheduled = key.retiringAt(retiresAt);
            keys.save(scheduled);
            retiring.add(scheduled);
            after.add(scheduled);
        }
        Optional<SigningKey> signing = ListSigningKeysService.signingKeyAt(after, now);
        return new KeyRotation.Rotated(ListSigningKeysService.summary(created, now, signing),
                retiring.stream().map(k -> ListSigningKeysService.summary(k, now, signing)).toList());
    }

    /** The longest lifetime a token can have been issued with: the server default or a client's own. */
    private Duration longestTokenLifetime() {
        Duration longest = settings.defaultAccessTokenTtl();
        for (Client client : clients.findAll()) {
            Optional<Duration> own = client.accessTokenTtl();
            if (own.isPresent() && own.get().compareTo(longest) > 0) {
                longest = own.get();
            }
        }
        return longest;
    }
}
