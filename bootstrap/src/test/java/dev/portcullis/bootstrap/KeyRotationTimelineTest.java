package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.adapters.jose.CryptoProviders;
import dev.portcullis.adapters.jose.JoseKeyGenerator;
import dev.portcullis.adapters.jose.JosePublicKeys;
import dev.portcullis.adapters.jose.JoseTokenSigner;
import dev.portcullis.adapters.jose.JoseTokenVerifier;
import dev.portcullis.adapters.memory.InMemoryClientRepository;
import dev.portcullis.adapters.memory.InMemoryKeyStore;
import dev.portcullis.application.port.in.RotateSigningKey.KeyRotation;
import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.service.KeyRotationSettings;
import dev.portcullis.application.service.RotateSigningKeyService;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rotation timeline with the real key store, key generator, signer, verifier and JWKS, on a clock the test
 * moves: published at once, signing after the delay, the old key published until its last token has expired.
 */
class KeyRotationTimelineTest {

    private static final Instant T = Instant.parse("2030-01-01T10:00:00Z");
    private static final Duration DELAY = Duration.ofMinutes(6);
    private static final Duration TTL = Duration.ofSeconds(900);
    private static final Duration GRACE = Duration.ofSeconds(65);
    private static final Issuer ISSUER = new Issuer("https://auth.example.com");

    private final MutableClock clock = MutableClock.at(T.minus(Duration.ofDays(1)));
    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final JoseKeyGenerator generator = new JoseKeyGenerator(clock);
    private final CryptoProviders crypto = CryptoProviders.detect();
    private final JoseTokenSigner signer = new JoseTokenSigner(store, clock, crypto, Duration.ZERO);
    private final JoseTokenVerifier verifier = new JoseTokenVerifier(store, clock, crypto, Duration.ZERO, Duration.ZERO);
    private final JosePublicKeys jwks = new JosePublicKeys(store, clock, crypto, Duration.ZERO);
    private final RotateSigningKeyService rotation = new RotateSigningKeyService(store, generator,
            new InMemoryClientRepository(), clock, new KeyRotationSettings(SigningAlgorithm.ES256, DELAY, TTL, GRACE));

    private String sign() {
        Instant now = clock.instant();
        return signer.sign(new AccessTokenClaims(ISSUER, "myapp", List.of(ISSUER.value()), new ClientId("myapp"),
                ScopeSet.of("read"), now, now.plus(TTL), new TokenId(UUID.randomUUID().toString()), List.of())).compact();
    }

    private List<String> published() throws Exception {
        return JWKSet.parse(jwks.jwkSetJson()).getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void publishedAtOnceSigningAfterTheDelayAndTheOldKeyPublishedUntilItsLastTokenExpired() throws Exception {
        SigningKey original = generator.generate(SigningAlgorithm.ES256, clock.instant());
        store.save(original);
        String old = original.id().value();
        clock.set(T);
        assertThat(kid(sign())).isEqualTo(old);

        KeyRotation result = rotation.rotate();
        String fresh = ((KeyRotation.Rotated) result).created().id().value();

        assertThat(published()).as("the new key is published at once").containsExactlyInAnyOrder(old, fresh);
        clock.set(T.plus(DELAY).minusMillis(1));
        String lastOfTheOldKey = sign();
        assertThat(kid(lastOfTheOldKey)).as("the old key signs until the new one activates").isEqualTo(old);

        clock.set(T.plus(DELAY));
        String firstOfTheNewKey = sign();
        assertThat(kid(firstOfTheNewKey)).isEqualTo(fresh);

        Instant lastExpiry = SignedJWT.parse(lastOfTheOldKey).getJWTClaimsSet().getExpirationTime().toInstant();
        clock.set(lastExpiry.minusSeconds(1));
        assertThat(verifier.verify(lastOfTheOldKey)).as("a token of the old key verifies until it expires")
                .isInstanceOf(Verification.Valid.class);
        assertThat(published()).contains(old);

        Instant retiresAt = T.plus(DELAY).plus(TTL).plus(GRACE);
        assertThat(store.findAll()).filteredOn(k -> k.id().equals(original.id()))
                .singleElement().satisfies(k -> assertThat(k.retiresAt()).contains(retiresAt));
        clock.set(retiresAt.minusMillis(1));
        assertThat(published()).containsExactlyInAnyOrder(old, fresh);
        clock.set(retiresAt);
        assertThat(published()).as("gone from the JWKS once every token it signed has expired").containsExactly(fresh);
        assertThat(verifier.verify(firstOfTheNewKey)).isInstanceOf(Verification.Invalid.class); // expired by now too
        assertThat(kid(sign())).isEqualTo(fresh);
    }
}
