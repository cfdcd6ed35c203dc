package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.domain.key.SigningKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged and damaged bearer tokens against the real server's {@code /whoami}: every one is a 401
 * {@code invalid_token}, while the same claims signed properly pass. Forgeries that need the real
 * key are signed with the key the server keeps in its store, so only the one property under test is wrong.
 */
class TokenSafetyEndToEndTest {

    private static final int SKEW_SECONDS = 5;
    private static RunningServer portcullis;
    private static String validToken;
    private static JWTClaimsSet validClaims;
    private static ECKey serverKey;

    @BeforeAll
    static void start() throws Exception {
        portcullis = RunningServer.start("TOKEN_CLOCK_SKEW", SKEW_SECONDS + "s");
        validToken = portcullis.devToken("scope", "read");
        validClaims = SignedJWT.parse(validToken).getJWTClaimsSet();
        SigningKey stored = portcullis.server.storage().keys().findAll().getFirst();
        serverKey = JWK.parse(stored.privateJwk()).toECKey();
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    @Test
    void theUnforgedTokenAndItsFaithfulResigningAreAccepted() throws Exception {
        assertThat(whoami(validToken).statusCode()).isEqualTo(200);
        assertThat(whoami(signed(validClaims, serverKey.getKeyID())).statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> forgedClaims() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("another issuer", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.issuer("https://evil.example")),
                Arguments.of("the issuer with a trailing slash", (UnaryOperator<JWTClaimsSet.Builder>) b ->
                        b.issuer(validClaims.getIssuer() + "/")),
                Arguments.of("another audience", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.audience("https://rs.example")),
                Arguments.of("no audience", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.audience(List.of())),
                Arguments.of("expired beyond the skew", (UnaryOperator<JWTClaimsSet.Builder>) b ->
                        b.issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(SKEW_SECONDS + 30)))),
                Arguments.of("not yet valid beyond the skew", (UnaryOperator<JWTClaimsSet.Builder>) b ->
                        b.notBeforeTime(Date.from(now.plusSeconds(SKEW_SECONDS + 30)))),
                Arguments.of("issued in the future beyond the skew", (UnaryOperator<JWTClaimsSet.Builder>) b ->
                        b.issueTime(Date.from(now.plusSeconds(SKEW_SECONDS + 30)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedClaims")
    void aTokenSignedWithTheRealKeyButWrongClaimsIsInvalid(String what, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        assertInvalidToken(signed(change.apply(new JWTClaimsSet.Builder(validClaims)).build(), serverKey.getKeyID()));
    }

    @Test
    void timesWithinTheConfiguredSkewAreStillAccepted() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet justExpired = new JWTClaimsSet.Builder(validClaims)
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(1))).build();
        JWTClaimsSet almostValid = new JWTClaimsSet.Builder(validClaims).notBeforeTime(Date.from(now.plusSeconds(2))).build();
        assertThat(whoami(signed(justExpired, serverKey.getKeyID())).statusCode()).isEqualTo(200);
        assertThat(whoami(signed(almostValid, serverKey.getKeyID())).statusCode()).isEqualTo(200);
    }

    @Test
    void algNoneIsInvalid() {
        String[] parts = validToken.split("\\.");
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + serverKey.getKeyID() + "\"}");
        assertInvalidToken(header + "." + parts[1] + ".");
        assertInvalidToken(header + "." + parts[1] + "." + parts[2]);
        assertInvalidToken(b64("{\"alg\":\"NONE\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".");
    }

    @Test
    void hs256MacdWithThePublishedPublicKeyIsInvalid() throws Exception {
        JsonNode published = json(portcullis.get("/jwks")).get("keys").get(0);
        String publishedJson = published.toString();
        ECKey publicKey = serverKey.toPublicJWK();
        List<byte[]> guesses = List.of(
                publishedJson.getBytes(StandardCharsets.UTF_8),
                publicKey.toJSONString().getBytes(StandardCharsets.UTF_8),
                publicKey.toECPublicKey().getEncoded(),
                pad32(publicKey.getX().decode()));
        for (byte[] secret : guesses) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(serverKey.getKeyID()).build(), validClaims);
            jwt.sign(new MACSigner(pad32(secret)));
            assertInvalidToken(jwt.serialize());
        }
    }

    @Test
    void anUnknownKidOrAnotherKeyIsInvalid() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        assertInvalidToken(signedWith(validClaims, stranger, "stranger"));
        assertInvalidToken(signedWith(validClaims, stranger, serverKey.getKeyID()));
        assertInvalidToken(signedWith(validClaims, serverKey, "no-such-kid"));
    }

    @Test
    void aTamperedPayloadIsInvalid() throws Exception {
        String[] parts = validToken.split("\\.");
        String scopeWidened = b64(new JWTClaimsSet.Builder(validClaims).claim("scope", "read write admin").build().toString());
        assertInvalidToken(parts[0] + "." + scopeWidened + "." + parts[2]);
        char[] payload = parts[1].toCharArray();
        payload[payload.length / 2] = payload[payload.length / 2] == 'A' ? 'B' : 'A';
        assertInvalidToken(parts[0] + "." + new String(payload) + "." + parts[2]);
        char[] signature = parts[2].toCharArray();
        signature[3] = signature[3] == 'A' ? 'B' : 'A';
        assertInvalidToken(parts[0] + "." + parts[1] + "." + new String(signature));
    }

    @Test
    void truncatedTokensAreInvalid() {
        for (int cut : new int[] {1, 2, 10, validToken.length() / 2, validToken.lastIndexOf('.') + 1, validToken.length() - 1}) {
            assertInvalidToken(validToken.substring(0, cut));
        }
        String[] parts = validToken.split("\\.");
        assertInvalidToken(parts[0] + "." + parts[1]);
        assertInvalidToken(parts[0]);
    }

    @Test
    void oversizedTokensAreInvalidNotACrash() throws Exception {
        String bigClaim = "x".repeat(7000);
        assertInvalidToken(signed(new JWTClaimsSet.Builder(validClaims).claim("pad", bigClaim).build(), serverKey.getKeyID()));
        assertInvalidToken(validToken + "A".repeat(6000));
    }

    @Test
    void theJwksPublishesNoPrivateOrSymmetricMaterial() {
        JsonNode keys = json(portcullis.get("/jwks")).get("keys");
        assertThat(keys.size()).isGreaterThan(0);
        for (JsonNode key : keys) {
            assertThat(key.has("d")).isFalse();
            assertThat(key.has("p")).isFalse();
            assertThat(key.has("q")).isFalse();
            assertThat(key.has("k")).isFalse();
            assertThat(key.get("kty").asText()).isNotEqualTo("oct");
        }
        assertThat(portcullis.get("/jwks").body()).doesNotContain(serverKey.getD().toString());
    }

    @Test
    void anHs256ServerPublishesNothingAndNeverEchoesItsKey() {
        String key = Base64.getEncoder().encodeToString("an-hs256-key-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8));
        try (RunningServer hs = RunningServer.start("SIGNING_ALGORITHM", "HS256", "SIGNING_HS256_KEY", key)) {
            HttpResponse<String> jwks = hs.get("/jwks");
            assertThat(json(jwks).get("keys").size()).isZero();
            String token = hs.devToken();
            assertThat(hs.get("/whoami", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            String urlKey = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(key));
            for (HttpResponse<String> r : List.of(jwks, hs.get("/whoami", "Authorization", "Bearer " + token + "x"),
                    hs.get("/.well-known/oauth-authorization-server"), hs.postForm("/token", "grant_type=nope"))) {
                assertThat(r.body()).doesNotContain(urlKey).doesNotContain(key);
            }
        }
    }

    @Test
    void errorBodiesCarryNoKeyMaterialOrTokenEcho() throws Exception {
        String forged = signed(new JWTClaimsSet.Builder(validClaims).issuer("https://evil.example").build(), serverKey.getKeyID());
        HttpResponse<String> response = whoami(forged);
        assertThat(response.body()).doesNotContain(serverKey.getD().toString()).doesNotContain(forged)
                .doesNotContain("evil.example");
    }

    private static HttpResponse<String> whoami(String token) {
        return portcullis.get("/whoami", "Authorization", "Bearer " + token);
    }

    private static void assertInvalidToken(String token) {
        HttpResponse<String> response = whoami(token);
        assertThat(response.statusCode()).as(token).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_token");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
    }

    private static String signed(JWTClaimsSet claims, String kid) throws Exception {
        return signedWith(claims, serverKey, kid);
    }

    private static String signedWith(JWTClaimsSet claims, ECKey key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).keyID(kid).build(),
                claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** MACSigner wants at least 256 bits. */
    private static byte[] pad32(byte[] secret) {
        return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
    }
}
