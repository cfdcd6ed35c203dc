package dev.portcullis.adapters.jose;

import static dev.portcullis.domain.key.SigningAlgorithm.ES256;
import static dev.portcullis.domain.key.SigningAlgorithm.EdDSA;
import static dev.portcullis.domain.key.SigningAlgorithm.HS256;
import static dev.portcullis.domain.key.SigningAlgorithm.RS256;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.key.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JosePublicKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final SigningKey ES = TestKeys.key(ES256, NOW.minus(Duration.ofDays(1)));
    private static final SigningKey RS = TestKeys.key(RS256, NOW.minus(Duration.ofDays(2)));
    private static final SigningKey ED = TestKeys.key(EdDSA, NOW.minus(Duration.ofDays(3)));
    private static final SigningKey HS = TestKeys.key(HS256, NOW.minus(Duration.ofDays(4)));

    private final MutableClock clock = MutableClock.at(NOW);

    private JosePublicKeys publisherOver(ListKeyStore store) {
        return new JosePublicKeys(store, clock, CryptoProviders.detect(), Duration.ofSeconds(5));
    }

    @Test
    void publishesEveryAsymmetricKeyWithKidAlgAndUse() throws Exception {
        String json = publisherOver(ListKeyStore.with(ES, RS, ED, HS)).jwkSetJson();

        List<Map<String, Object>> keys = keysOf(json);
        assertThat(keys).extracting(k -> k.get("kid"))
                .containsExactlyInAnyOrder(ES.id().value(), RS.id().value(), ED.id().value());
        assertThat(keys).allSatisfy(k -> assertThat(k).containsEntry("use", "sig"));
        assertThat(keys).extracting(k -> k.get("alg")).containsExactlyInAnyOrder("ES256", "RS256", "EdDSA");
        assertThat(keys).extracting(k -> k.get("kty")).containsExactlyInAnyOrder("EC", "RSA", "OKP");
    }

    @Test
    void neverPublishesPrivateOrSymmetricKeyMaterial() throws Exception {
        String json = publisherOver(ListKeyStore.with(ES, RS, ED, HS)).jwkSetJson();

        for (Map<String, Object> key : keysOf(json)) {
            assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "k", "oth");
            assertThat(key.get("kty")).isNotEqualTo("oct");
        }
        for (SigningKey key : List.of(ES, ED)) {
            assertThat(json).doesNotContain(TestKeys.jwk(key).toJSONObject().get("d").toString());
        }
        assertThat(json).doesNotContain(((OctetSequenceKey) TestKeys.jwk(HS)).getKeyValue().toString());
        assertThat(JWKSet.parse(json).getKeys()).noneMatch(JWK::isPrivate);
    }

    @Test
    void whatIsPublishedVerifiesTheTokensWeSign() throws Exception {
        ListKeyStore store = ListKeyStore.with(ES);
        String token = new JoseTokenSigner(store, clock).sign(TestClaims.serviceToken(NOW)).compact();

        JWK published = JWKSet.parse(publisherOver(store).jwkSetJson()).getKeyByKeyId(ES.id().value());

        assertThat(SignedJWT.parse(token).verify(new ECDSAVerifier(published.toECKey()))).isTrue();
    }

    @Test
    void publishesAKeyBeforeItSigns() throws Exception {
        SigningKey upcoming = TestKeys.key(ES256, NOW, NOW.plus(Duration.ofHours(1)));

        String json = publisherOver(ListKeyStore.with(ES, upcoming)).jwkSetJson();

        assertThat(keysOf(json)).extracting(k -> k.get("kid")).contains(upcoming.id().value());
    }

    @Test
    void dropsAKeyWhenItRetiresWithoutWaitingForTheStore() throws Exception {
        SigningKey retiring = ED.retiringAt(NOW.plus(Duration.ofMinutes(1)));
        SigningKey retired = RS.retiringAt(NOW);
        JosePublicKeys publisher = new JosePublicKeys(ListKeyStore.with(ES, retiring, retired), clock,
                CryptoProviders.detect(), Duration.ofDays(1));

        assertThat(keysOf(publisher.jwkSetJson())).extracting(k -> k.get("kid"))
                .containsExactlyInAnyOrder(ES.id().value(), ED.id().value());

        clock.advance(Duration.ofMinutes(1));

        assertThat(keysOf(publisher.jwkSetJson())).extracting(k -> k.get("kid")).containsExactly(ES.id().value());
    }

    @Test
    void servesTheSameDocumentUntilTheKeySetChanges() throws Exception {
        ListKeyStore store = ListKeyStore.with(ES);
        JosePublicKeys publisher = publisherOver(store);
        String first = publisher.jwkSetJson();

        clock.advance(Duration.ofSeconds(10));
        assertThat(publisher.jwkSetJson()).isSameAs(first);

        store.save(ED);
        publisher.refresh();

        assertThat(keysOf(publisher.jwkSetJson())).extracting(k -> k.get("kid"))
                .containsExactlyInAnyOrder(ES.id().value(), ED.id().value());
    }

    @Test
    void anEmptyStorePublishesAnEmptySet() throws Exception {
        assertThat(keysOf(publisherOver(new ListKeyStore()).jwkSetJson())).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keysOf(String json) throws Exception {
        Map<String, Object> document = JSONObjectUtils.parse(json);
        assertThat(document).containsOnlyKeys("keys");
        return (List<Map<String, Object>>) document.get("keys");
    }
}
