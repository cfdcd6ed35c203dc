package dev.portcullis.adapters.jose;

import static dev.portcullis.domain.key.SigningAlgorithm.ES256;
import static dev.portcullis.domain.key.SigningAlgorithm.EdDSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.SignedAccessToken;
import dev.portcullis.domain.token.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JoseTokenSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.at(NOW);

    private JoseTokenSigner signerOver(ListKeyStore store) {
        return new JoseTokenSigner(store, clock, CryptoProviders.detect(), REFRESH);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void writesAnAtJwtHeaderWithKidAndAlgAndASignaturePlainNimbusAccepts(SigningAlgorithm algorithm) throws Exception {
        SigningKey key = TestKeys.key(algorithm, NOW.minus(Duration.ofHours(1)));

        SignedAccessToken token = signerOver(ListKeyStore.with(key)).sign(TestClaims.serviceToken(NOW));

        SignedJWT jwt = SignedJWT.parse(token.compact());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.id().value());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.name());
        assertThat(jwt.verify(plainNimbusVerifier(key))).isTrue();
    }

    @Test
    void carriesEveryClaimWithItsValue() throws Exception {
        AccessTokenClaims claims = TestClaims.serviceToken(NOW);

        Map<String, Object> payload = payloadOf(signerOver(ListKeyStore.with(TestKeys.key(ES256, NOW))).sign(claims));

        assertThat(payload).containsOnlyKeys("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope");
        assertThat(payload).containsEntry("iss", "https://auth.example.com")
                .containsEntry("sub", "billing-service")
                .containsEntry("aud", "https://api.example.com")
                .containsEntry("exp", NOW.plus(TestClaims.LIFETIME).getEpochSecond())
                .containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("jti", claims.jwtId().value())
                .containsEntry("client_id", "billing-service")
                .containsEntry("scope", "invoices:read invoices:write");
    }

    @Test
    void writesSeveralAudiencesAndRolesAsArraysAndOmitsAnEmptyScope() throws Exception {
        AccessTokenClaims claims = new AccessTokenClaims(new Issuer("https://auth.example.com"), "alice",
                List.of("https://a.example.com", "https://b.example.com"), new ClientId("web"), ScopeSet.empty(),
                NOW, NOW.plusSeconds(900), new TokenId("t-1"), List.of("admin", "auditor"));

        Map<String, Object> payload = payloadOf(signerOver(ListKeyStore.with(TestKeys.key(ES256, NOW))).sign(claims));

        assertThat(payload.get("aud")).isEqualTo(List.of("https://a.example.com", "https://b.example.com"));
        assertThat(payload.get("roles")).isEqualTo(List.of("admin", "auditor"));
        assertThat(payload).doesNotContainKey("scope");
    }

    @Test
    void escapesStringsSoTheyReadBackUnchanged() throws Exception {
        String awkward = "q\"uote \\ back\u0001slash \n</script> \u2028 é 🙂";
        AccessTokenClaims claims = new AccessTokenClaims(new Issuer("https://auth.example.com"), awkward,
                List.of(awkward), new ClientId("c \"1\""), ScopeSet.of("a<b>&'="), NOW, NOW.plusSeconds(60),
                new TokenId("j\\1"), List.of(awkward));

        SignedAccessToken token = signerOver(ListKeyStore.with(TestKeys.key(ES256, NOW))).sign(claims);

        JWTClaimsSet read = SignedJWT.parse(token.compact()).getJWTClaimsSet();
        assertThat(read.getSubject()).isEqualTo(awkward);
        assertThat(read.getAudience()).containsExactly(awkward);
        assertThat(read.getStringClaim("client_id")).isEqualTo("c \"1\"");
        assertThat(read.getStringClaim("scope")).isEqualTo("a<b>&'=");
        assertThat(read.getJWTID()).isEqualTo("j\\1");
        assertThat(read.getStringListClaim("roles")).containsExactly(awkward);
    }

    @Test
    void signsWithTheNewestActiveKey() throws Exception {
        SigningKey old = TestKeys.key(ES256, NOW.minus(Duration.ofDays(2)));
        SigningKey current = TestKeys.key(EdDSA, NOW.minus(Duration.ofHours(1)));
        SigningKey notYetActive = TestKeys.key(ES256, NOW.minus(Duration.ofMinutes(1)), NOW.plus(Duration.ofHours(1)));

        JoseTokenSigner signer = signerOver(ListKeyStore.with(old, notYetActive, current));

        assertThat(kidOf(signer.sign(TestClaims.serviceToken(NOW)))).isEqualTo(current.id().value());
    }

    @Test
    void aPublishedKeySignsOnlyOnceItActivates() throws Exception {
        SigningKey current = TestKeys.key(ES256, NOW.minus(Duration.ofHours(1)));
        SigningKey next = TestKeys.key(ES256, NOW, NOW.plus(Duration.ofHours(1)));
        JoseTokenSigner signer = signerOver(ListKeyStore.with(current, next));

        assertThat(kidOf(signer.sign(TestClaims.serviceToken(NOW)))).isEqualTo(current.id().value());

        clock.advance(Duration.ofHours(1));
        assertThat(kidOf(signer.sign(TestClaims.serviceToken(clock.instant())))).isEqualTo(next.id().value());
    }

    @Test
    void aRetiredKeyNoLongerSigns() {
        SigningKey retired = TestKeys.key(ES256, NOW.minus(Duration.ofDays(1))).retiringAt(NOW);

        JoseTokenSigner signer = signerOver(ListKeyStore.with(retired));

        assertThatThrownBy(() -> signer.sign(TestClaims.serviceToken(NOW)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no signing key is active");
    }

    @Test
    void withoutAnyKeySigningIsAFailureNotAToken() {
        assertThatThrownBy(() -> signerOver(new ListKeyStore()).sign(TestClaims.serviceToken(NOW)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsTheSharedStoreAtMostOncePerRefreshInterval() {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(ES256, NOW));
        JoseTokenSigner signer = signerOver(store);

        for (int i = 0; i < 50; i++) {
            signer.sign(TestClaims.serviceToken(NOW));
        }
        assertThat(store.reads()).isEqualTo(1);

        clock.advance(REFRESH.minusMillis(1));
        signer.sign(TestClaims.serviceToken(NOW));
        assertThat(store.reads()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        signer.sign(TestClaims.serviceToken(NOW));
        assertThat(store.reads()).isEqualTo(2);
    }

    @Test
    void picksUpAKeyRotatedByAnotherNodeWithinTheRefreshInterval() throws Exception {
        SigningKey first = TestKeys.key(ES256, NOW.minus(Duration.ofHours(1)));
        ListKeyStore store = ListKeyStore.with(first);
        JoseTokenSigner signer = signerOver(store);
        signer.sign(TestClaims.serviceToken(NOW));

        SigningKey second = TestKeys.key(ES256, NOW);
        store.save(second);
        assertThat(kidOf(signer.sign(TestClaims.serviceToken(NOW)))).isEqualTo(first.id().value());

        clock.advance(REFRESH);
        assertThat(kidOf(signer.sign(TestClaims.serviceToken(NOW)))).isEqualTo(second.id().value());
    }

    @Test
    void refreshTakesANewKeyAtOnce() throws Exception {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(ES256, NOW.minus(Duration.ofHours(1))));
        JoseTokenSigner signer = signerOver(store);
        signer.sign(TestClaims.serviceToken(NOW));
        SigningKey rotated = TestKeys.key(EdDSA, NOW);
        store.save(rotated);

        signer.refresh();

        assertThat(kidOf(signer.sign(TestClaims.serviceToken(NOW)))).isEqualTo(rotated.id().value());
    }

    private static String kidOf(SignedAccessToken token) throws Exception {
        return SignedJWT.parse(token.compact()).getHeader().getKeyID();
    }

    private static Map<String, Object> payloadOf(SignedAccessToken token) throws Exception {
        return JSONObjectUtils.parse(SignedJWT.parse(token.compact()).getPayload().toString());
    }

    /** Nimbus out of the box, JDK providers and Tink: what a resource server would use. */
    static JWSVerifier plainNimbusVerifier(SigningKey key) throws Exception {
        JWK jwk = TestKeys.jwk(key);
        return switch (key.algorithm()) {
            case ES256 -> new ECDSAVerifier(jwk.toECKey().toPublicJWK());
            case RS256 -> new RSASSAVerifier(jwk.toRSAKey().toPublicJWK());
            case EdDSA -> new Ed25519Verifier(jwk.toOctetKeyPair().toPublicJWK());
            case HS256 -> new MACVerifier(jwk.toOctetSequenceKey());
        };
    }
}
