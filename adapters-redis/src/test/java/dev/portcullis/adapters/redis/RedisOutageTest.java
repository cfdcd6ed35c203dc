package dev.portcullis.adapters.redis;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.Clients;
import dev.portcullis.application.port.out.contract.Codes;
import dev.portcullis.application.port.out.contract.Fixtures;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.application.port.out.contract.RefreshTokens;
import dev.portcullis.application.port.out.contract.Users;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.domain.user.Username;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Redis that is down, slow or restarted is a failure, reported fast, and the adapters recover by themselves. */
class RedisOutageTest {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Timeout plus generous scheduling slack on a shared 2-core box. */
    private static final Duration QUICKLY = Duration.ofMillis(2_000);
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void everyOperationFailsFastAsUnavailableWhileRedisIsDownAndWorksAgainAfterARestart() {
        assumeThat(redis.canStop()).as("REDIS_URI servers are not ours to stop").isTrue();
        RedisBackend backend = redis.connect(redis.settings().withCommandTimeout(TIMEOUT));
        Stores stores = new Stores(backend);
        TokenId revokedBefore = Fixtures.anyTokenId();
        stores.revocations.revoke(revokedBefore, T0.plusSeconds(60));
        AuthorizationCode before = Codes.anyCode(T0.plusSeconds(600));
        stores.codes.save(before);
        backend.ping();

        redis.stop();

        stores.everyOperation().forEach((name, operation) -> {
            long start = System.nanoTime();
            assertThatThrownBy(operation).as(name)
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessage("redis is unavailable")
                    .hasCauseInstanceOf(RedisException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(name).isLessThan(QUICKLY);
        });
        assertThat(stores.revocations.isRevoked(revokedBefore)).as("answered from the near-cache").isTrue();
        assertThat(stores.revocations.isRevoked(Fixtures.anyTokenId())).isFalse();

        redis.restart();
        await("reconnection").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    backend.ping();
                    return true;
                });

        // The restarted server has lost its data and its script cache: scripts are loaded again.
        AuthorizationCode after = Codes.anyCode(T0.plusSeconds(600));
        stores.codes.save(after);
        assertThat(stores.codes.redeem(after.hash(), T0)).isEqualTo(new Redemption.Redeemed(after));
        assertThat(stores.codes.redeem(after.hash(), T0)).isEqualTo(new Redemption.Replayed(after));
        RefreshToken token = RefreshTokens.active(T0);
        stores.refresh.save(token);
        assertThat(stores.refresh.find(token.hash(), T0)).contains(token);
        stores.everyOperation().forEach((name, operation) -> {
            try {
                operation.call();
            } catch (Throwable e) {
                throw new AssertionError(name + " still fails after the restart", e);
            }
        });
    }

    @Test
    void aServerStoppedKeepingItsDataComesBackWithItAndTheConnectionRecovers() {
        assumeThat(redis.canStop()).as("REDIS_URI servers are not ours to stop").isTrue();
        RedisBackend backend = redis.connect(redis.settings().withCommandTimeout(TIMEOUT));
        RedisClientRepository clients = new RedisClientRepository(backend);
        clients.save(Clients.confidential("kept").build());

        redis.stopKeepingData();

        assertThatThrownBy(() -> clients.findById(new ClientId("kept"))).isInstanceOf(BackendUnavailableException.class);
        redis.restart();
        await("reconnection").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> clients.findById(new ClientId("kept")).isPresent());
    }

    @Test
    void aCommandStuckBehindABusyServerTimesOutAsUnavailable() {
        assumeThat(redis.canStop()).as("this blocks the server for a second: only our own").isTrue();
        RedisBackend backend = redis.connect(redis.settings().withCommandTimeout(TIMEOUT));
        RedisBackend blocker = redis.connect(redis.settings().withCommandTimeout(Duration.ofSeconds(5)));
        RedisClientRepository clients = new RedisClientRepository(backend);
        clients.findById(new ClientId("myapp"));

        CompletableFuture<Object> busy = CompletableFuture.supplyAsync(() -> blocker.commands().eval("""
                local t0 = redis.call('TIME')
                repeat
                  local t = redis.call('TIME')
                until (t[1] - t0[1]) * 1000000 + (t[2] - t0[2]) > 1000000
                return 1
                """, ScriptOutputType.INTEGER));
        await().atMost(Duration.ofSeconds(5)).until(() -> clientsBlocked(blocker));

        long start = System.nanoTime();
        assertThatThrownBy(() -> clients.findById(new ClientId("myapp")))
                .isInstanceOf(BackendUnavailableException.class)
                .hasCauseInstanceOf(RedisCommandTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);

        busy.join();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> clients.findById(new ClientId("myapp")).isEmpty());
    }

    @Test
    void connectingToNothingIsUnavailableNotAHang() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> RedisBackend.connect(new RedisSettings("redis://127.0.0.1:" + nobody, "x:", TIMEOUT)))
                .isInstanceOf(BackendUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY.multipliedBy(2));
    }

    /** True once the blocker's script is running (the script makes the server answer nobody else). */
    private static boolean clientsBlocked(RedisBackend blocker) {
        return !CompletableFuture.supplyAsync(() -> {
            try (RedisBackend probe = RedisBackend.connect(redis.settings().withCommandTimeout(Duration.ofMillis(100)))) {
                probe.ping();
                return true;
            } catch (BackendUnavailableException e) {
                return false;
            }
        }).join();
    }

    private static final class Stores {
        final RedisClientRepository clients;
        final RedisUserRepository users;
        final RedisAuthorizationCodeStore codes;
        final RedisRefreshTokenStore refresh;
        final RedisRevocationList revocations;
        final RedisKeyStore keys;
        final RedisLoginThrottle logins;
        final RedisBackend backend;

        Stores(RedisBackend backend) {
            this.backend = backend;
            clients = new RedisClientRepository(backend);
            users = new RedisUserRepository(backend);
            codes = new RedisAuthorizationCodeStore(backend, CLOCK);
            refresh = new RedisRefreshTokenStore(backend, CLOCK);
            revocations = new RedisRevocationList(backend, CLOCK);
            keys = new RedisKeyStore(backend);
            logins = new RedisLoginThrottle(backend, CLOCK, LoginThrottlePolicy.DEFAULT);
        }

        Map<String, ThrowingCallable> everyOperation() {
            Map<String, ThrowingCallable> ops = new LinkedHashMap<>();
            RefreshToken token = RefreshTokens.active(T0);
            ops.put("ping", backend::ping);
            ops.put("clients.findById", () -> clients.findById(new ClientId("myapp")));
            ops.put("clients.save", () -> clients.save(Clients.confidential("myapp").build()));
            ops.put("clients.findAll", clients::findAll);
            ops.put("clients.delete", () -> clients.delete(new ClientId("myapp")));
            ops.put("users.findByUsername", () -> users.findByUsername(new Username("alice")));
            ops.put("users.save", () -> users.save(Users.enabled("alice")));
            ops.put("users.delete", () -> users.delete(new Username("alice")));
            ops.put("codes.save", () -> codes.save(Codes.anyCode(T0.plusSeconds(60))));
            ops.put("codes.redeem", () -> codes.redeem(Fixtures.anyHash(), T0));
            ops.put("refresh.save", () -> refresh.save(token));
            ops.put("refresh.find", () -> refresh.find(token.hash(), T0));
            ops.put("refresh.rotate", () -> refresh.rotate(token.hash(), RefreshTokens.successorOf(token, T0), T0));
            ops.put("refresh.revokeFamily", () -> refresh.revokeFamily(token.family()));
            ops.put("revocations.revoke", () -> revocations.revoke(Fixtures.anyTokenId(), T0.plusSeconds(60)));
            ops.put("keys.findAll", keys::findAll);
            ops.put("keys.save", () -> keys.save(Keys.es256("kid-1", T0)));
            ops.put("keys.delete", () -> keys.delete(new KeyId("kid-1")));
            ops.put("logins.retryAfter", () -> logins.retryAfter(new Username("alice"), "192.0.2.1"));
            ops.put("logins.recordFailure", () -> logins.recordFailure(new Username("alice"), "192.0.2.1"));
            ops.put("logins.recordSuccess", () -> logins.recordSuccess(new Username("alice"), "192.0.2.1"));
            return ops;
        }
    }
}
