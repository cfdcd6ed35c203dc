package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JoseKeyGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final JoseKeyGenerator generator = new JoseKeyGenerator(MutableClock.at(NOW));

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256", "EdDSA"})
    void generatesAPrivateKeyNamedByItsThumbprint(SigningAlgorithm algorithm) throws Exception {
        Instant activation = NOW.plus(Duration.ofHours(1));

        SigningKey key = generator.generate(algorithm, activation);

        JWK jwk = JWK.parse(key.privateJwk());
        assertThat(jwk.isPrivate()).isTrue();
        assertThat(jwk.getKeyID()).isEqualTo(key.id().value()).isEqualTo(jwk.computeThumbprint().toString());
        assertThat(jwk.getAlgorithm().getName()).isEqualTo(algorithm.name());
        assertThat(jwk.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(key.activatesAt()).isEqualTo(activation);
        assertThat(key.retiresAt()).isEmpty();
    }

    @Test
    void es256IsOnP256() throws Exception {
        JWK jwk = JWK.parse(generator.generate(SigningAlgorithm.ES256).privateJwk());

        assertThat(jwk).isInstanceOfSatisfying(ECKey.class, ec -> assertThat(ec.getCurve()).isEqualTo(Curve.P_256));
    }

    @Test
    void rs256Has2048Bits() throws Exception {
        JWK jwk = JWK.parse(generator.generate(SigningAlgorithm.RS256).privateJwk());

        assertThat(jwk).isInstanceOf(RSAKey.class);
        assertThat(jwk.size()).isEqualTo(2048);
    }

    @Test
    void eddsaIsEd25519() throws Exception {
        JWK jwk = JWK.parse(generator.generate(SigningAlgorithm.EdDSA).privateJwk());

        assertThat(jwk).isInstanceOfSatisfying(OctetKeyPair.class,
                okp -> assertThat(okp.getCurve()).isEqualTo(Curve.Ed25519));
    }

    @Test
    void aKeyWithoutActivationSignsFromNow() {
        SigningKey key = generator.generate(SigningAlgorithm.ES256);

        assertThat(key.canSignAt(NOW)).isTrue();
    }

    @Test
    void everyKeyIsNew() {
        assertThat(generator.generate(SigningAlgorithm.EdDSA).id())
                .isNotEqualTo(generator.generate(SigningAlgorithm.EdDSA).id());
    }

    @Test
    void neverMakesUpAnHs256Secret() {
        assertThatThrownBy(() -> generator.generate(SigningAlgorithm.HS256, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hs256(");
    }

    @Test
    void refusesAnHs256KeyShorterThan256Bits() {
        assertThatThrownBy(() -> generator.hs256(new byte[31], NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void wrapsAnHs256KeyOf256BitsWithARandomKid() throws Exception {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);

        SigningKey key = generator.hs256(secret, NOW);

        OctetSequenceKey jwk = (OctetSequenceKey) JWK.parse(key.privateJwk());
        assertThat(jwk.toByteArray()).isEqualTo(secret);
        assertThat(key.algorithm()).isEqualTo(SigningAlgorithm.HS256);
        assertThat(key.id().value()).isEqualTo(jwk.getKeyID()).isNotEqualTo(jwk.computeThumbprint().toString());
        assertThat(generator.hs256(secret, NOW).id()).isNotEqualTo(key.id());
    }

    @Test
    void keepsItsOwnCopyOfTheSharedSecret() throws Exception {
        byte[] secret = new byte[32];
        SigningKey key = generator.hs256(secret, NOW);

        Arrays.fill(secret, (byte) 1);

        assertThat(((OctetSequenceKey) JWK.parse(key.privateJwk())).toByteArray()).containsOnly(0);
    }

    @Test
    void anActivationAlreadyPastMeansNow() {
        assertThat(generator.generate(SigningAlgorithm.ES256, NOW.minusSeconds(1)).activatesAt()).isEqualTo(NOW);
        assertThat(generator.hs256(new byte[32], NOW.minusSeconds(1)).activatesAt()).isEqualTo(NOW);
    }
}
