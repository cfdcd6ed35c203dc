package dev.portcullis.bootstrap;

import dev.portcullis.application.port.out.contract.Race;
import static dev.portcullis.bootstrap.Flows.exchange;
import static dev.portcullis.bootstrap.Flows.ok;
import static dev.portcullis.bootstrap.Flows.passwordTokens;
import static dev.portcullis.bootstrap.Flows.plantCode;
import static dev.portcullis.bootstrap.Flows.refresh;
import static dev.portcullis.bootstrap.Flows.whoami;
import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.bootstrap.Flows.PlantedCode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many clients at once, over HTTP, on one storage backend: one code redeemed by {@value #RACERS}
 * requests, one refresh token rotated by {@value #RACERS}: exactly one 200 each. Extend it and start
 * the server on the backend in {@link #startServer()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GrantRaces {

    static final int RACERS = 16;

    private RunningServer portcullis;

    /** The real server on the backend under test, in the dev profile. */
    protected abstract RunningServer startServer();

    @BeforeAll
    void start() {
        portcullis = startServer();
    }

    /** Stops what {@link #startServer()} started besides the server; runs after the server is closed. */
    protected void stopBackend() {
    }

    @AfterAll
    void stop() {
        try {
            if (portcullis != null) {
                portcullis.close();
            }
        } finally {
            stopBackend();
        }
    }

    private static long count(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    private static void assertLosersAreInvalidGrant(List<HttpResponse<String>> responses) {
        assertThat(responses).filteredOn(r -> r.statusCode() != 200)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                    assertThat(json(r).get("error").asText()).isEqualTo("invalid_grant");
                });
    }

    @RepeatedTest(3)
    void exactlyOneOfManyParallelRedemptionsOfACodeSucceeds() {
        PlantedCode code = plantCode(portcullis);

        List<HttpResponse<String>> responses = Race.run(RACERS, () -> exchange(portcullis, code));

        assertThat(count(responses, 200)).as("successes").isEqualTo(1);
        assertLosersAreInvalidGrant(responses);
        JsonNode winner = json(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow());
        assertThat(whoami(portcullis, winner.get("access_token").asText()))
                .as("the losers were replays: the winner's token is revoked").isEqualTo(401);
    }

    @RepeatedTest(3)
    void exactlyOneOfManyParallelRotationsOfARefreshTokenSucceeds() {
        String token = passwordTokens(portcullis).get("refresh_token").asText();

        List<HttpResponse<String>> responses = Race.run(RACERS, () -> refresh(portcullis, token));

        assertThat(count(responses, 200)).as("successes").isEqualTo(1);
        assertLosersAreInvalidGrant(responses);
        JsonNode winner = json(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow());
        assertThat(refresh(portcullis, winner.get("refresh_token").asText()).statusCode())
                .as("the losers were reuse: the family is revoked").isEqualTo(400);
        assertThat(whoami(portcullis, winner.get("access_token").asText())).isEqualTo(401);
    }

    @Test
    void twoRedemptionsOfACodeOneWins() {
        PlantedCode code = plantCode(portcullis);

        List<HttpResponse<String>> responses = Race.run(2, () -> exchange(portcullis, code));

        assertThat(count(responses, 200)).isEqualTo(1);
        assertLosersAreInvalidGrant(responses);
    }

    @Test
    void theFlowsWorkOnThisBackend() {
        JsonNode password = passwordTokens(portcullis);
        JsonNode rotated = ok(refresh(portcullis, password.get("refresh_token").asText()));
        JsonNode code = ok(exchange(portcullis, plantCode(portcullis)));

        assertThat(whoami(portcullis, rotated.get("access_token").asText())).isEqualTo(200);
        assertThat(whoami(portcullis, code.get("access_token").asText())).isEqualTo(200);
        assertThat(refresh(portcullis, password.get("refresh_token").asText()).statusCode()).isEqualTo(400);
        assertThat(whoami(portcullis, rotated.get("access_token").asText())).isEqualTo(401);
    }
}
