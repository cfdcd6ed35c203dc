package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.bootstrap.config.ConfigurationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a node does at start when its backend is missing or misconfigured, in process (RunnableJarIT
 * checks the same through {@code java -jar}: exit status and the one line on standard error).
 */
class BackendStartupTest {

    @Test
    void aMongoThatDoesNotAnswerIsABackendStartupFailureNamingItsAddress() throws IOException {
        int port = closedPort();
        long started = System.nanoTime();

        assertThatThrownBy(() -> RunningServer.start("STORAGE_TYPE", "mongo", "MONGO_URI", "mongodb://127.0.0.1:" + port,
                "MONGO_TIMEOUT", "500ms"))
                .isInstanceOf(BackendStartupException.class)
                .hasMessage("mongo at mongodb://127.0.0.1:" + port + " is not answering");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aRedisThatDoesNotAnswerIsABackendStartupFailureNamingItsAddress() throws IOException {
        int port = closedPort();

        assertThatThrownBy(() -> RunningServer.start("STORAGE_TYPE", "redis", "REDIS_URI", "redis://127.0.0.1:" + port,
                "REDIS_TIMEOUT", "500ms"))
                .isInstanceOf(BackendStartupException.class)
                .hasMessage("redis at redis://127.0.0.1:" + port + " is not answering");
    }

    @Test
    void withoutAKeyEncryptionKeyProductionRefusesSharedStorageBeforeContactingIt() throws IOException {
        int port = closedPort();

        // the backend is not there either: the configuration mistake is what the operator hears about
        assertThatThrownBy(() -> RunningServer.start("PORTCULLIS_PROFILE", "prod", "ISSUER", "https://auth.example.com",
                "STORAGE_TYPE", "mongo", "MONGO_URI", "mongodb://127.0.0.1:" + port, "MONGO_TIMEOUT", "500ms"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("keys.encryption-key (KEYS_ENCRYPTION_KEY) is required");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
