package dev.portcullis.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import dev.portcullis.application.port.in.CheckReadiness.BackendStatus;
import dev.portcullis.application.port.in.CheckReadiness.Readiness;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Liveness never depends on backends; readiness follows them. */
class HealthHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readyAndLiveWhenEveryBackendAnswers() {
        server.readiness = new Readiness(List.of(new BackendStatus("mongo", "db:27017", BackendStatus.State.UP)));

        Reply ready = server.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("checks").get(0).path("name").asText()).isEqualTo("mongo");
        assertThat(server.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void notReadyButStillLiveWhenABackendIsDown() {
        server.readiness = new Readiness(List.of(
                new BackendStatus("mongo", "db:27017", BackendStatus.State.UP),
                new BackendStatus("redis", "cache:6379", BackendStatus.State.DOWN)));

        Reply ready = server.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(ready.json().path("checks").get(1).path("status").asText()).isEqualTo("DOWN");
        Reply live = server.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void probesAreReadOnly() {
        Reply post = server.send(server.request("/health/ready").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).hasValue("GET");
    }

    @Test
    void aBackendTheNodeCanDoWithoutMakesItDegradedNotDown() {
        server.readiness = new Readiness(List.of(
                new BackendStatus("mongo", "db:27017", BackendStatus.State.UP),
                new BackendStatus("redis", "cache:6379", BackendStatus.State.DOWN,
                        dev.portcullis.application.port.out.BackendProbe.Criticality.DEGRADING)));

        Reply ready = server.get("/health/ready");
        assertThat(ready.status()).as("kept in rotation: it still verifies tokens").isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("DEGRADED");
        assertThat(ready.json().path("checks").get(1).path("required").asBoolean()).isFalse();
    }
}
