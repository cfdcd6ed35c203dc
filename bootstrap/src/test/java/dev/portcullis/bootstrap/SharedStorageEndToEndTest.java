package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.headers;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.adapters.crypto.EncryptingKeyStore;
import dev.portcullis.adapters.crypto.KeyDecryptionException;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.domain.key.SigningKey;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What a shared store adds to the flow: nodes over the same MongoDB or Redis share clients and keys,
 * keys reach the store encrypted, and an outage is a 503 the node recovers from by itself.
 * A subclass locates the backend and reads it behind the nodes' back.
 */
abstract class SharedStorageEndToEndTest extends StorageEndToEndTest {

    /** The key-encryption key every node of the class is given (base64), so that the test can decrypt what they stored. */
    static final byte[] KEK = randomBytes(32);
    /** What nodes behind one load balancer share: the issuer their tokens carry and /whoami expects. */
    static final String ISSUER = "https://auth.example.test";
    /** An outage must be noticed and recovered from well within this. */
    static final Duration RECOVERY = Duration.ofSeconds(30);

    /** {@code STORAGE_TYPE} and where the backend is, with short timeouts. */
    abstract List<String> backendLocation();

    /** {@code mongo} or {@code redis}: the backend's name in /health/ready and in error lines. */
    abstract String backendName();

    /** The client ids the backend holds, read behind the nodes' back. */
    abstract Set<String> storedClientIds();

    /** Every signing key as the backend holds it (the whole document or value, by key id), read behind the nodes' back. */
    abstract Map<String, String> storedKeys();

    /** The backend's own key store, without the decrypting decorator: what a node really stores. */
    abstract KeyStore undecoratedKeyStore();

    /** False for a server the test did not start and must not stop. */
    abstract boolean canStopBackend();

    /** Takes the backend off the network; it keeps its data, as a real one keeps it on disk. */
    abstract void stopBackend();

    /** Brings it back on the same address. */
    abstract void restartBackend();

    @Override
    final List<String> backendEnvironment() {
        List<String> environment = new ArrayList<>(backendLocation());
        environment.addAll(List.of("KEYS_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(KEK)));
        return environment;
    }

    @Override
    final List<String> probedBackends() {
        return List.of(backendName());
    }

    @Test
    void aSecondNodeOverTheSameStoreSeesTheSameClientAndTheSameSigningKey() throws Exception {
        try (RunningServer first = node("ISSUER", ISSUER); RunningServer second = node("ISSUER", ISSUER)) {
            assertThat(storedClientIds()).as("the dev clients, seeded into the backend once").containsExactly("dev-admin", "myapp", "spa");
            assertThat(storedKeys()).as("the second node reused the first node's key").hasSize(1);

            String fromFirst = first.devToken();
            String fromSecond = second.devToken();

            assertThat(second.get("/whoami", "Authorization", "Bearer " + fromFirst).statusCode()).isEqualTo(200);
            assertThat(first.get("/whoami", "Authorization", "Bearer " + fromSecond).statusCode()).isEqualTo(200);
            assertThat(verifyAgainstJwks(second, fromFirst).getSubject()).isEqualTo("myapp");
            assertThat(JWKSet.parse(second.get("/jwks").body()).getKeys())
                    .isEqualTo(JWKSet.parse(first.get("/jwks").body()).getKeys());
        }
    }

    @Test
    void signingKeysReachTheBackendEncryptedWithNoPrivateJwkMember() throws Exception {
        try (RunningServer node = node()) {
            node.devToken();

            Map<String, String> stored = storedKeys();
            assertThat(stored).hasSize(1);
            // The test's own decryption of what is stored gives the very key the node publishes, private part included:
            // so the checks below look for values that exist, and could fail.
            SigningKey key = new EncryptingKeyStore(undecoratedKeyStore(), KEK).findAll().get(0);
            JsonNode jwk = RunningServer.JSON.readTree(key.privateJwk());
            String privateD = jwk.get("d").asText();
            String publicX = jwk.get("x").asText();
            assertThat(privateD).hasSizeGreaterThan(20);
            assertThat(JWKSet.parse(node.get("/jwks").body()).getKeyByKeyId(key.id().value()).toJSONObject().get("x"))
                    .isEqualTo(publicX);

            assertThat(undecoratedKeyStore().findAll().get(0).privateJwk()).startsWith("enc:A256GCM:");
            assertThat(stored.get(key.id().value()))
                    .contains("enc:A256GCM:")
                    .doesNotContain(privateD)
                    .doesNotContain(publicX)
                    .doesNotContain("\"d\"")
                    .doesNotContain("\"kty\"")
                    .doesNotContain(key.privateJwk());
        }
    }

    @Test
    void aNodeWithAnotherKeyEncryptionKeyRefusesToStartAndMintsNoKeyOverTheStoredOne() {
        try (RunningServer node = node()) {
            node.devToken();
        }
        Map<String, String> before = storedKeys();
        List<String> otherKek = new ArrayList<>(backendLocation());
        otherKek.addAll(List.of("KEYS_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(randomBytes(32))));

        assertThatThrownBy(() -> RunningServer.start(otherKek.toArray(String[]::new)))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("signing key " + before.keySet().iterator().next())
                .hasMessageContaining("cannot be decrypted");
        assertThat(storedKeys()).isEqualTo(before);
    }

    /**
     * Nothing half-written: the token path only reads (the client, and the signing keys the signer
     * caches), and every write the stores make is one atomic operation on one item (a single-document
     * upsert, one HSET or one Lua script), so a request cut off by an outage leaves either the whole
     * item or none. What can be observed from outside is asserted: after the outage the backend holds
     * exactly the clients and keys it held before, so no failure was read as "no client" or "no key"
     * and answered by writing a new one.
     */
    @Test
    void anOutageAnswers503WhileLivenessHoldsAndTheNodeRecoversByItselfWithNothingHalfWritten() throws Exception {
        assumeThat(canStopBackend()).as("a backend the test did not start is not its to stop").isTrue();
        try (RunningServer node = node()) {
            assertThat(devTokenRequest(node).statusCode()).isEqualTo(200);
            Set<String> clientsBefore = storedClientIds();
            Map<String, String> keysBefore = storedKeys();

            stopBackend();

            HttpResponse<String> token = devTokenRequest(node);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(503);
            assertThat(json(token).get("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(headers(token).get("content-type")).startsWith("application/json");
            assertThat(headers(token).get("cache-control")).isEqualTo("no-store");
            assertThat(headers(token)).containsKey("retry-after");
            HttpResponse<String> ready = node.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(json(ready).get("status").asText()).isEqualTo("DOWN");
            assertThat(statusOf(json(ready), backendName())).isEqualTo("DOWN");
            assertThat(node.get("/health/live").statusCode()).isEqualTo(200);

            restartBackend();

            await("the node recovers by itself").atMost(RECOVERY).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        assertThat(devTokenRequest(node).statusCode()).isEqualTo(200);
                        assertThat(node.get("/health/ready").statusCode()).isEqualTo(200);
                    });
            String after = node.devToken();
            assertThat(node.get("/whoami", "Authorization", "Bearer " + after).statusCode()).isEqualTo(200);
            assertThat(storedClientIds()).isEqualTo(clientsBefore);
            assertThat(storedKeys()).isEqualTo(keysBefore);
        }
    }

    private static String statusOf(JsonNode readiness, String backend) {
        return StreamSupport.stream(readiness.get("checks").spliterator(), false)
                .filter(check -> check.get("name").asText().equals(backend))
                .map(check -> check.get("status").asText())
                .findFirst().orElse("absent");
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
