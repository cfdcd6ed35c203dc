package dev.portcullis.adapters.mongo;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.Clients;
import dev.portcullis.application.port.out.contract.Codes;
import dev.portcullis.application.port.out.contract.Fixtures;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.port.out.contract.RefreshTokens;
import dev.portcullis.application.port.out.contract.Users;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.user.Username;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A MongoDB that stops answering is a failure, never an answer: no adapter reads an outage as "not found". */
class MongoOutageTest {

    /** Short enough to keep the class quick, long enough to connect on a loaded 2-core CI box. */
    private static final long TIMEOUT_MS = 250;

    private MongoServer server;
    private MongoStorage storage;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        // the driver's first connection in a JVM loads a lot of classes: on a loaded box that alone can
        // outlast the short timeouts under test, so connect once generously first
        MongoStorage.connect(new MongoSettings(uri, "outage", 10_000, 10_000, 10_000)).close();
        storage = MongoStorage.connect(new MongoSettings(uri, "outage", TIMEOUT_MS, 4 * TIMEOUT_MS, TIMEOUT_MS));
    }

    @AfterEach
    void stopServer() {
        storage.close();
        server.shutdownNow();
    }

    @Test
    void pingAnswersWhileTheServerRuns() {
        storage.ping();
    }

    @Test
    void everyOperationOfEveryAdapterFailsAsUnavailableOnceTheServerIsGone() {
        MongoClientRepository clients = new MongoClientRepository(storage);
        MongoUserRepository users = new MongoUserRepository(storage);
        MongoAuthorizationCodeStore codes = new MongoAuthorizationCodeStore(storage);
        MongoRefreshTokenStore refreshTokens = new MongoRefreshTokenStore(storage);
        MongoRevocationList revocations = new MongoRevocationList(storage, MutableClock.at(T0));
        MongoKeyStore keys = new MongoKeyStore(storage);
        // things that exist, so that "not found" would be a plausible wrong answer
        clients.save(Clients.confidential("myapp").build());
        users.save(Users.enabled("alice"));
        AuthorizationCode code = Codes.anyCode(T0.plusSeconds(60));
        codes.save(code);
        RefreshToken token = RefreshTokens.active(T0);
        refreshTokens.save(token);
        TokenId jti = Fixtures.anyTokenId();
        revocations.revoke(jti, T0.plusSeconds(60));
        keys.save(Keys.es256("key-1", T0));

        server.shutdownNow();

        Map<String, ThrowingCallable> operations = new LinkedHashMap<>();
        operations.put("ping", storage::ping);
        operations.put("clients.findById", () -> clients.findById(new ClientId("myapp")));
        operations.put("clients.findAll", clients::findAll);
        operations.put("clients.save", () -> clients.save(Clients.confidential("other").build()));
        operations.put("clients.delete", () -> clients.delete(new ClientId("myapp")));
        operations.put("users.findByUsername", () -> users.findByUsername(new Username("alice")));
        operations.put("users.save", () -> users.save(Users.enabled("bob")));
        operations.put("users.delete", () -> users.delete(new Username("alice")));
        operations.put("codes.save", () -> codes.save(Codes.anyCode(T0.plusSeconds(60))));
        operations.put("codes.redeem", () -> codes.redeem(code.hash(), T0));
        operations.put("refreshTokens.save", () -> refreshTokens.save(RefreshTokens.active(T0)));
        operations.put("refreshTokens.find", () -> refreshTokens.find(token.hash(), T0));
        operations.put("refreshTokens.rotate",
                () -> refreshTokens.rotate(token.hash(), RefreshTokens.successorOf(token, T0.plusSeconds(1)), T0.plusSeconds(1)));
        operations.put("refreshTokens.revokeFamily", () -> refreshTokens.revokeFamily(token.family()));
        operations.put("revocations.revoke", () -> revocations.revoke(Fixtures.anyTokenId(), T0.plusSeconds(60)));
        operations.put("revocations.isRevoked", () -> revocations.isRevoked(jti));
        operations.put("keys.findAll", keys::findAll);
        operations.put("keys.save", () -> keys.save(Keys.es256("key-2", T0)));
        operations.put("keys.delete", () -> keys.delete(new KeyId("key-1")));

        long started = System.nanoTime();
        operations.forEach((name, operation) -> assertThatThrownBy(operation).as(name)
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("mongo is unavailable")
                .hasCauseInstanceOf(MongoException.class));
        // each operation gives up after about its timeouts: an outage never hangs a request
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofMillis(operations.size() * 4 * TIMEOUT_MS));
    }

    @Test
    void connectingWhereNoServerListensFailsAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MongoSettings settings = new MongoSettings("mongodb://127.0.0.1:" + closedPort, "nowhere", TIMEOUT_MS,
                TIMEOUT_MS, TIMEOUT_MS);

        assertThatThrownBy(() -> MongoStorage.connect(settings))
                .isInstanceOf(BackendUnavailableException.class)
                .hasCauseInstanceOf(MongoException.class);
    }
}
