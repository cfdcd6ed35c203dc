package dev.portcullis.adapters.jose;

import static dev.portcullis.domain.key.SigningAlgorithm.ES256;
import static dev.portcullis.domain.key.SigningAlgorithm.EdDSA;
import static dev.portcullis.domain.key.SigningAlgorithm.HS256;
import static dev.portcullis.domain.key.SigningAlgorithm.RS256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.TokenId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class JoseTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration SKEW = JoseTokenVerifier.DEFAULT_CLOCK_SKEW;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Generated once: RSA key generation is slow. */
    private static final SigningKey ES = TestKeys.key(ES256, NOW.minus(Duration.ofDays(1)));
    private static final SigningKey RS = TestKeys.key(RS256, NOW.minus(Duration.ofDays(1)));

    private final MutableClock clock = MutableClock.at(NOW);

    private JoseTokenVerifier verifierOver(ListKeyStore store) {
        return verifierOver(store, CryptoProviders.detect());
    }

    private JoseTokenVerifier verifierOver(ListKeyStore store, CryptoProviders crypto) {
        return new JoseTokenVerifier(store, clock, crypto, Duration.ofSeconds(5), SKEW);
    }

    private String signed(ListKeyStore store, AccessTokenClaims claims) {
        return new JoseTokenSigner(store, clock).sign(claims).compact();
    }

    // --- round trips ---

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void verifiesWhatTheSignerSignedAndReturnsTheSameClaims(SigningAlgorithm algorithm) {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(algorithm, NOW.minus(Duration.ofHours(1))));
        AccessTokenClaims claims = new AccessTokenClaims(new Issuer("https://auth.example.com"), "alice",
                List.of("https://a.example.com", "https://b.example.com"), new ClientId("web-app"),
                ScopeSet.of("openid", "orders:read"), NOW, NOW.plusSeconds(900), new TokenId("tid-42"),
                List.of("admin"));

        Verification result = verifierOver(store).verify(signed(store, claims));

        assertThat(result).isEqualTo(new Verification.Valid(claims));
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void nativeAndJdkProvidersReadEachOthersTokens(SigningAlgorithm algorithm) {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(algorithm, NOW.minus(Duration.ofHours(1))));
        AccessTokenClaims claims = TestClaims.serviceToken(NOW);
        JoseTokenSigner nativeSigner = new JoseTokenSigner(store, clock, CryptoProviders.detect(), Duration.ofSeconds(5));
        JoseTokenSigner jdkSigner = new JoseTokenSigner(store, clock, CryptoProviders.jdk(), Duration.ofSeconds(5));

        assertThat(verifierOver(store, CryptoProviders.jdk()).verify(nativeSigner.sign(claims).compact()))
                .isEqualTo(new Verification.Valid(claims));
        assertThat(verifierOver(store, CryptoProviders.detect()).verify(jdkSigner.sign(claims).compact()))
                .isEqualTo(new Verification.Valid(claims));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "AT+JWT", "application/at+jwt", "Application/AT+JWT"})
    void acceptsTheAccessTokenTypeInEverySpellingRfc9068Allows(String typ) {
        ListKeyStore store = ListKeyStore.with(ES);
        String token = TestKeys.sign(ES, TestKeys.accessTokenHeader(ES).type(new JOSEObjectType(typ)).build(),
                TestClaims.asNimbus(TestClaims.serviceToken(NOW)).build());

        assertThat(verifierOver(store).verify(token)).isInstanceOf(Verification.Valid.class);
    }

    // --- algorithm and key confusion ---

    @Test
    void refusesAnUnsignedToken() {
        ListKeyStore store = ListKeyStore.with(ES);
        String header = "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + ES.id() + "\"}";
        String payload = TestClaims.asNimbus(TestClaims.serviceToken(NOW)).build().toString();
        String token = b64(header) + "." + b64(payload) + ".";

        assertThat(verifierOver(store).verify(token)).isInstanceOf(Verification.Invalid.class);
        assertThat(verifierOver(store).verify(token + "c2ln")).isInstanceOf(Verification.Invalid.class);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256", "EdDSA"})
    void refusesAnHs256TokenMacdWithAPublishedPublicKey(SigningAlgorithm algorithm) throws Exception {
        SigningKey key = algorithm == ES256 ? ES : algorithm == RS256 ? RS : TestKeys.key(EdDSA, NOW.minusSeconds(60));
        ListKeyStore store = ListKeyStore.with(key);
        JWK publicJwk = TestKeys.jwk(key).toPublicJWK();
        String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + key.id() + "\"}";
        String signingInput = b64(header) + "." + b64(TestClaims.asNimbus(TestClaims.serviceToken(NOW)).build().toString());
        JoseTokenVerifier verifier = verifierOver(store);

        // Whatever form of the public key an attacker guesses a naive verifier would MAC with:
        List<byte[]> publicForms = List.of(
                publicJwk.toJSONString().getBytes(StandardCharsets.UTF_8),
                new JosePublicKeys(store, clock).jwkSetJson().getBytes(StandardCharsets.UTF_8),
                publicJwk instanceof OctetKeyPair okp ? okp.getDecodedX() : ((AsymmetricJWK) publicJwk).toPublicKey().getEncoded());
        for (byte[] macKey : publicForms) {
            String token = signingInput + "." + BASE64URL.encodeToString(hmacSha256(macKey, signingInput));

            assertThat(verifier.verify(token)).isInstanceOfSatisfying(Verification.Invalid.class,
                    invalid -> assertThat(invalid.reason()).contains("does not match"));
        }
    }

    @Test
    void refusesATokenWhoseAlgIsNotTheKeys() {
        SigningKey hs = TestKeys.key(HS256, NOW.minusSeconds(60));
        ListKeyStore store = ListKeyStore.with(hs);
        // The header may not pick a different algorithm for the key, not even a sibling of the same family.
        String token = signed(store, TestClaims.serviceToken(NOW));
        String[] parts = token.split("\\.");
        String header = "{\"alg\":\"HS384\",\"typ\":\"at+jwt\",\"kid\":\"" + hs.id() + "\"}";

        assertThat(verifierOver(store).verify(b64(header) + "." + parts[1] + "." + parts[2]))
                .isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void refusesAnUnknownKid() {
        ListKeyStore store = ListKeyStore.with(ES);
        SigningKey stranger = TestKeys.key(ES256, NOW.minusSeconds(60));
        String token = signed(ListKeyStore.with(stranger), TestClaims.serviceToken(NOW));

        assertThat(verifierOver(store).verify(token)).isInstanceOfSatisfying(Verification.Invalid.class,
                invalid -> assertThat(invalid.reason()).contains("unknown kid"));
    }

    @Test
    void refusesATokenWithoutKid() {
        ListKeyStore store = ListKeyStore.with(ES);
        String token = TestKeys.sign(ES, new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).build(),
                TestClaims.asNimbus(TestClaims.serviceToken(NOW)).build());

        assertThat(verifierOver(store).verify(token)).isEqualTo(new Verification.Invalid("no kid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "at+jwt+x", "application/jwt", ""})
    void refusesOtherTokenTypes(String typ) {
        ListKeyStore store = ListKeyStore.with(ES);
        JWSHeader.Builder header = TestKeys.accessTokenHeader(ES).type(typ.isEmpty() ? null : new JOSEObjectType(typ));

        String token = TestKeys.sign(ES, header.build(), TestClaims.asNimbus(TestClaims.serviceToken(NOW)).build());

        assertThat(verifierOver(store).verify(token)).isEqualTo(new Verification.Invalid("typ is not at+jwt"));
    }

    @Test
    void refusesCriticalHeaderExtensions() {
        ListKeyStore store = ListKeyStore.with(ES);
        JWSHeader header = TestKeys.accessTokenHeader(ES).criticalParams(Set.of("exp")).customParam("exp", 1).build();

        String token = TestKeys.sign(ES, header, TestClaims.asNimbus(TestClaims.serviceToken(NOW)).build());

        assertThat(verifierOver(store).verify(token)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void refusesATokenOfARetiredKey() {
        SigningKey retiring = ES.retiringAt(NOW.plus(Duration.ofMinutes(1)));
        ListKeyStore store = ListKeyStore.with(retiring);
        String token = signed(store, TestClaims.serviceToken(NOW));
        JoseTokenVerifier verifier = verifierOver(store);
        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);

        clock.advance(Duration.ofMinutes(1));

        assertThat(verifier.verify(token)).isInstanceOfSatisfying(Verification.Invalid.class,
                invalid -> assertThat(invalid.reason()).contains("retired"));
    }

    // --- time ---

    @Test
    void acceptsAnExpiredTokenWithinTheClockSkewOnly() {
        ListKeyStore store = ListKeyStore.with(ES);
        String token = signed(store, TestClaims.serviceToken(NOW));
        JoseTokenVerifier verifier = verifierOver(store);
        Instant exp = NOW.plus(TestClaims.LIFETIME);

        clock.set(exp.plus(SKEW).minusSeconds(1));
        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);

        clock.set(exp.plus(SKEW));
        assertThat(verifier.verify(token)).isInstanceOfSatisfying(Verification.Invalid.class,
                invalid -> assertThat(invalid.reason()).startsWith("expired"));
    }

    @Test
    void aZeroSkewRefusesATokenFromItsExpiryOn() {
        ListKeyStore store = ListKeyStore.with(ES);
        String token = signed(store, TestClaims.serviceToken(NOW));
        JoseTokenVerifier strict = new JoseTokenVerifier(store, clock, CryptoProviders.detect(), Duration.ofSeconds(5),
                Duration.ZERO);

        clock.set(NOW.plus(TestClaims.LIFETIME).minusSeconds(1));
        assertThat(strict.verify(token)).isInstanceOf(Verification.Valid.class);
        clock.set(NOW.plus(TestClaims.LIFETIME));
        assertThat(strict.verify(token)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void acceptsATokenNotYetValidWithinTheClockSkewOnly() {
        ListKeyStore store = ListKeyStore.with(ES);
        JoseTokenVerifier verifier = verifierOver(store);

        assertThat(verifier.verify(withNotBefore(NOW.plus(SKEW)))).isInstanceOf(Verification.Valid.class);
        assertThat(verifier.verify(withNotBefore(NOW.plus(SKEW).plusSeconds(1))))
                .isInstanceOfSatisfying(Verification.Invalid.class,
                        invalid -> assertThat(invalid.reason()).startsWith("not valid before"));
    }

    @Test
    void acceptsATokenIssuedInTheFutureWithinTheClockSkewOnly() {
        ListKeyStore store = ListKeyStore.with(ES);
        JoseTokenVerifier verifier = verifierOver(store);

        assertThat(verifier.verify(signed(store, TestClaims.serviceToken(NOW.plus(SKEW)))))
                .isInstanceOf(Verification.Valid.class);
        assertThat(verifier.verify(signed(store, TestClaims.serviceToken(NOW.plus(SKEW).plusSeconds(1)))))
                .isInstanceOfSatisfying(Verification.Invalid.class,
                        invalid -> assertThat(invalid.reason()).startsWith("issued in the future"));
    }

    private String withNotBefore(Instant nbf) {
        return TestKeys.sign(ES, TestKeys.accessTokenHeader(ES).build(),
                TestClaims.asNimbus(TestClaims.serviceToken(NOW)).notBeforeTime(Date.from(nbf)).build());
    }

    // --- tampering and garbage ---

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void refusesATamperedPayload(SigningAlgorithm algorithm) {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(algorithm, NOW.minusSeconds(60)));
        String[] parts = signed(store, TestClaims.serviceToken(NOW)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("invoices:read invoices:write", "admin");

        Verification result = verifierOver(store).verify(parts[0] + "." + b64(payload) + "." + parts[2]);

        assertThat(result).isEqualTo(new Verification.Invalid("bad signature"));
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void refusesATamperedSignature(SigningAlgorithm algorithm) {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(algorithm, NOW.minusSeconds(60)));
        String token = signed(store, TestClaims.serviceToken(NOW));
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 1;

        Verification result = verifierOver(store).verify(parts[0] + "." + parts[1] + "." + BASE64URL.encodeToString(signature));

        assertThat(result).isInstanceOf(Verification.Invalid.class);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void refusesEveryTruncationOfAValidToken(SigningAlgorithm algorithm) {
        ListKeyStore store = ListKeyStore.with(TestKeys.key(algorithm, NOW.minusSeconds(60)));
        String token = signed(store, TestClaims.serviceToken(NOW));
        JoseTokenVerifier verifier = verifierOver(store);
        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);

        for (int length = 0; length < token.length(); length++) {
            assertThat(verifier.verify(token.substring(0, length))).as("first %d characters", length)
                    .isInstanceOf(Verification.Invalid.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "a.b", "a.b.c", "..", "a.b.c.d.e", "....",
        "eyJ.eyJ.sig", "e30.e30.", "W10.W10.W10", "bnVsbA.bnVsbA.bnVsbA", "!!!.@@@.###", "é.ü.ß",
        "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA",
        "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6WzFdfQ.e30.AAAA"})
    void refusesGarbageWithoutThrowing(String garbage) {
        assertThat(verifierOver(ListKeyStore.with(ES)).verify(garbage)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void refusesNull() {
        assertThat(verifierOver(ListKeyStore.with(ES)).verify(null)).isEqualTo(new Verification.Invalid("no token"));
    }

    @Test
    void refusesRandomBytesWithoutThrowing() {
        JoseTokenVerifier verifier = verifierOver(ListKeyStore.with(ES));
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(200)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = random.nextInt(4) == 0 ? '.' : (char) random.nextInt(0x80);
            }
            assertThat(verifier.verify(new String(chars))).isInstanceOf(Verification.Invalid.class);
        }
    }

    @Test
    void refusesADeeplyNestedHeaderWithoutThrowing() {
        String nested = "[".repeat(3_000) + "]".repeat(3_000);

        Verification result = verifierOver(ListKeyStore.with(ES)).verify(b64(nested) + ".e30.AAAA");

        assertThat(result).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void refusesAnOversizedTokenBeforeParsingIt() {
        ListKeyStore store = ListKeyStore.with(ES);
        String big = TestKeys.sign(ES, TestKeys.accessTokenHeader(ES).build(), TestClaims.asNimbus(TestClaims.serviceToken(NOW))
                .claim("padding", "x".repeat(JoseTokenVerifier.MAX_TOKEN_CHARS)).build());

        assertThat(verifierOver(store).verify(big))
                .isEqualTo(new Verification.Invalid("token longer than 8192 characters"));
        assertThat(verifierOver(store).verify("a".repeat(10_000_000)))
                .isInstanceOf(Verification.Invalid.class);
    }

    // --- claims ---

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "jti", "client_id"})
    void refusesATokenMissingARequiredClaim(String claim) {
        ListKeyStore store = ListKeyStore.with(ES);
        JWTClaimsSet claims = TestClaims.asNimbus(TestClaims.serviceToken(NOW)).claim(claim, null).build();

        Verification result = verifierOver(store).verify(TestKeys.sign(ES, TestKeys.accessTokenHeader(ES).build(), claims));

        assertThat(result).isInstanceOf(Verification.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id=7", "scope=7", "scope=a  b", "roles=admin", "iss=not a url", "aud=[]", "sub=",
        "exp=soon", "jti=[1]"})
    void refusesAClaimOfTheWrongTypeOrForm(String change) {
        ListKeyStore store = ListKeyStore.with(ES);
        String name = change.substring(0, change.indexOf('='));
        String raw = change.substring(change.indexOf('=') + 1);
        Object value = switch (raw) {
            case "7" -> 7;
            case "[]" -> List.of();
            case "[1]" -> List.of(1);
            default -> raw;
        };
        JWTClaimsSet claims = TestClaims.asNimbus(TestClaims.serviceToken(NOW)).claim(name, value).build();

        Verification result = verifierOver(store).verify(TestKeys.sign(ES, TestKeys.accessTokenHeader(ES).build(), claims));

        assertThat(result).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void anAbsentScopeMeansNone() {
        ListKeyStore store = ListKeyStore.with(ES);
        JWTClaimsSet claims = TestClaims.asNimbus(TestClaims.serviceToken(NOW)).claim("scope", null).build();

        Verification result = verifierOver(store).verify(TestKeys.sign(ES, TestKeys.accessTokenHeader(ES).build(), claims));

        assertThat(result).isInstanceOfSatisfying(Verification.Valid.class,
                valid -> assertThat(valid.claims().scope()).isEqualTo(ScopeSet.empty()));
    }

    // --- keys rotated elsewhere, store outages ---

    @Test
    void findsAKeyAnotherNodeJustCreatedButAsksTheStoreAtMostOncePerSecond() {
        ListKeyStore store = ListKeyStore.with(ES);
        JoseTokenVerifier verifier = verifierOver(store);
        assertThat(verifier.verify(signed(store, TestClaims.serviceToken(NOW)))).isInstanceOf(Verification.Valid.class);
        SigningKey fresh = TestKeys.key(EdDSA, NOW);
        store.save(fresh);
        String token = signed(ListKeyStore.with(fresh), TestClaims.serviceToken(NOW));
        int readsBefore = store.reads();

        assertThat(verifier.verify(token)).isInstanceOf(Verification.Invalid.class);
        assertThat(store.reads()).isEqualTo(readsBefore);

        clock.advance(KeyRing.UNKNOWN_KID_RELOAD_GAP);
        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);
        assertThat(store.reads()).isEqualTo(readsBefore + 1);
    }

    @Test
    void randomKidsDoNotFloodTheStore() {
        ListKeyStore store = ListKeyStore.with(ES);
        JoseTokenVerifier verifier = verifierOver(store);
        verifier.refresh();
        clock.advance(Duration.ofSeconds(2));

        for (int i = 0; i < 100; i++) {
            String header = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"random-" + i + "\"}";
            verifier.verify(b64(header) + ".e30.AAAA");
        }

        assertThat(store.reads()).isEqualTo(2);
    }

    @Test
    void keepsVerifyingWithTheKeysItHasWhileTheStoreIsDown() {
        ListKeyStore store = ListKeyStore.with(ES);
        JoseTokenVerifier verifier = verifierOver(store);
        String token = signed(store, TestClaims.serviceToken(NOW));
        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);

        store.goDown();
        clock.advance(Duration.ofMinutes(1));

        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void aStoreThatCannotAnswerTheFirstLoadIsAFailureNotAnInvalidToken() {
        ListKeyStore store = ListKeyStore.with(ES);
        String token = signed(store, TestClaims.serviceToken(NOW));
        store.goDown();

        assertThatThrownBy(() -> verifierOver(store).verify(token)).isInstanceOf(BackendUnavailableException.class);
    }

    private static String b64(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmacSha256(byte[] key, String input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }
}
