package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwkSetFileTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static ECKey ec;
    private static RSAKey rsa;
    private static OctetKeyPair ed;
    private static OctetSequenceKey secret;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() throws Exception {
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rsa = new RSAKeyGenerator(2048).generate();
        ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
        secret = new OctetSequenceKeyGenerator(256).keyID("hs-1").algorithm(JWSAlgorithm.HS256).generate();
    }

    @Test
    void loadsEveryKindOfSigningKey() throws Exception {
        Path file = write(ec, rsa, ed, secret);

        List<SigningKey> keys = JwkSetFile.load(file, NOW);

        assertThat(keys).extracting(SigningKey::algorithm).containsExactly(SigningAlgorithm.ES256,
                SigningAlgorithm.RS256, SigningAlgorithm.EdDSA, SigningAlgorithm.HS256);
        assertThat(keys).extracting(k -> k.id().value())
                .containsExactly("ec-1", rsa.computeThumbprint().toString(), "ed-1", "hs-1");
        assertThat(keys).allSatisfy(k -> {
            assertThat(k.activatesAt()).isEqualTo(NOW);
            assertThat(k.retiresAt()).isEmpty();
            JWK stored = JWK.parse(k.privateJwk());
            assertThat(stored.getKeyID()).isEqualTo(k.id().value());
            assertThat(stored.getAlgorithm().getName()).isEqualTo(k.algorithm().name());
            assertThat(stored.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        });
    }

    @Test
    void loadedKeysSignTokensThatVerify() throws Exception {
        List<SigningKey> keys = JwkSetFile.load(write(ec, rsa, ed, secret), NOW);
        MutableClock clock = MutableClock.at(NOW);

        for (SigningKey key : keys) {
            ListKeyStore store = ListKeyStore.with(key);
            String token = new JoseTokenSigner(store, clock).sign(TestClaims.serviceToken(NOW)).compact();
            assertThat(new JoseTokenVerifier(store, clock).verify(token)).as(key.toString())
                    .isInstanceOf(Verification.Valid.class);
        }
    }

    @Test
    void takesTheLifecycleFromTheJwkTimeMembers() throws Exception {
        Instant nbf = NOW.plus(Duration.ofHours(1));
        Instant exp = NOW.plus(Duration.ofDays(30));
        ECKey timed = new ECKey.Builder(ec).issueTime(Date.from(NOW.minus(Duration.ofDays(1))))
                .notBeforeTime(Date.from(nbf)).expirationTime(Date.from(exp)).build();

        SigningKey key = JwkSetFile.load(write(timed), Instant.EPOCH).getFirst();

        assertThat(key.createdAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(key.activatesAt()).isEqualTo(nbf);
        assertThat(key.retiresAt()).contains(exp);
    }

    @Test
    void refusesAMissingFileNamingIt() {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> JwkSetFile.load(missing, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void refusesAFileThatIsNotJson() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "keys: [ ec-1 ]");

        assertThatThrownBy(() -> JwkSetFile.load(file, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void refusesAFileWithoutAKeysArray() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, ec.toJSONString());

        assertThatThrownBy(() -> JwkSetFile.load(file, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("\"keys\"");
    }

    @Test
    void refusesAnEmptySet() throws Exception {
        assertThatThrownBy(() -> JwkSetFile.load(write(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no keys");
    }

    @Test
    void refusesAPublicKeyNamingTheKeyAndNotLeakingTheOthers() throws Exception {
        ECKey publicOnly = new ECKeyGenerator(Curve.P_256).keyID("pub-1").generate().toPublicJWK();
        Path file = write(ec, publicOnly);

        assertThatThrownBy(() -> JwkSetFile.load(file, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("key #2 (kid pub-1)")
                .hasMessageContaining("no private part")
                .message().doesNotContain(ec.getD().toString());
    }

    @Test
    void refusesAShortHmacSecret() throws Exception {
        OctetSequenceKey short128 = new OctetSequenceKeyGenerator(128).keyID("short").generate();

        assertThatThrownBy(() -> JwkSetFile.load(write(short128), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid short")
                .hasMessageContaining("at least 256")
                .message().doesNotContain(short128.getKeyValue().toString());
    }

    @Test
    void refusesAnHmacSecretWithoutItsOwnKid() throws Exception {
        OctetSequenceKey anonymous = new OctetSequenceKeyGenerator(256).generate();

        assertThatThrownBy(() -> JwkSetFile.load(write(anonymous), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key #1")
                .hasMessageContaining("needs its own kid");
    }

    @Test
    void refusesAnAlgThatDoesNotFitTheKey() throws Exception {
        ECKey mislabelled = new ECKey.Builder(ec).algorithm(JWSAlgorithm.RS256).build();

        assertThatThrownBy(() -> JwkSetFile.load(write(mislabelled), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid ec-1")
                .hasMessageContaining("cannot sign RS256");
    }

    @Test
    void refusesAnUnsupportedAlgorithm() throws Exception {
        ECKey es384 = new ECKeyGenerator(Curve.P_384).keyID("p384").algorithm(JWSAlgorithm.ES384).generate();

        assertThatThrownBy(() -> JwkSetFile.load(write(es384), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid p384")
                .hasMessageContaining("ES384 is not supported");
    }

    @Test
    void refusesAnEcKeyOffP256() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();

        assertThatThrownBy(() -> JwkSetFile.load(write(p384), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-256");
    }

    @Test
    void refusesAWeakRsaKey() throws Exception {
        RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak").generate();

        assertThatThrownBy(() -> JwkSetFile.load(write(weak), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid weak")
                .hasMessageContaining("at least 2048");
    }

    @Test
    void refusesAKeyMeantForEncryption() throws Exception {
        ECKey forEncryption = new ECKey.Builder(ec).keyUse(KeyUse.ENCRYPTION).build();

        assertThatThrownBy(() -> JwkSetFile.load(write(forEncryption), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use enc");
    }

    @Test
    void refusesTheSameKidTwice() throws Exception {
        ECKey twin = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();

        assertThatThrownBy(() -> JwkSetFile.load(write(ec, twin), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key #2 (kid ec-1)")
                .hasMessageContaining("twice");
    }

    @Test
    void refusesAKeyThatExpiresBeforeItActivates() throws Exception {
        ECKey backwards = new ECKey.Builder(ec).notBeforeTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.minusSeconds(1))).build();

        assertThatThrownBy(() -> JwkSetFile.load(write(backwards), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exp is not after");
    }

    @Test
    void refusesAnEntryThatIsNotAJwk() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"half\"}, 7]}");

        assertThatThrownBy(() -> JwkSetFile.load(file, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key #1 (kid half)")
                .hasMessageContaining("not a valid JWK");
    }

    private Path write(JWK... keys) throws Exception {
        Path file = dir.resolve("keys.json");
        String json = List.of(keys).stream().map(JWK::toJSONString).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        Files.writeString(file, json);
        return file;
    }
}
