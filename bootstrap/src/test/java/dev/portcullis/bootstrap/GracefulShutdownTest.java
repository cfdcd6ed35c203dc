package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link PortcullisServer#close()} (the shutdown hook's call) refuses new connections at once and
 * lets requests in flight finish. The slow request is a real one: a password grant with a bcrypt
 * cost that makes its first password check take about a second (cost 14).
 */
class GracefulShutdownTest {

    private static final String BCRYPT_COST = "14";

    @Test
    void closeLetsASlowRequestInFlightFinishAndRefusesNewConnections() throws Exception {
        RunningServer node = RunningServer.start("USERS_BCRYPT_COST", BCRYPT_COST);
        int port = node.server.port();
        // the first password check runs bcrypt at the configured cost (later ones may be cached)
        CompletableFuture<Long> answeredAt = new CompletableFuture<>();
        CompletableFuture<HttpResponse<String>> inFlight = passwordGrant(node)
                .whenComplete((r, e) -> answeredAt.complete(System.nanoTime()));
        Thread.sleep(150);
        Thread closer = Thread.ofPlatform().name("closer").start(node.server::close);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> refused(port));
        long refusedAt = System.nanoTime();

        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("access_token");
        assertThat(answeredAt.get()).as("the request was still in flight when new connections were refused")
                .isGreaterThan(refusedAt);
        closer.join(Duration.ofSeconds(30));
        assertThat(closer.isAlive()).isFalse();
        assertThat(refused(port)).isTrue();
    }

    @Test
    void aRequestLongerThanTheGracePeriodIsCutOffSoThatShutdownIsBounded() throws Exception {
        RunningServer node = RunningServer.start("USERS_BCRYPT_COST", BCRYPT_COST, "SERVER_SHUTDOWN_GRACE_PERIOD", "100ms");
        int port = node.server.port();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> inFlight = passwordGrant(node);
        Thread.sleep(150);
        node.server.close();
        Duration closedAfter = Duration.ofNanos(System.nanoTime() - start);
        assertThat(inFlight).as("closed after " + closedAfter + ", the request still running").isNotDone();
        assertThatThrownBy(() -> inFlight.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(refused(port)).isTrue();
    }

    private static CompletableFuture<HttpResponse<String>> passwordGrant(RunningServer node) {
        return node.http.sendAsync(HttpRequest.newBuilder(node.uri("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("myapp", "secret"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=admin&password=secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
