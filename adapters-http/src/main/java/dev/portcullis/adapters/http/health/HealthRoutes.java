package dev.portcullis.adapters.http.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.CheckReadiness;
import dev.portcullis.application.port.in.CheckReadiness.BackendStatus;
import dev.portcullis.application.port.in.CheckReadiness.Readiness;
import dev.portcullis.application.port.out.BackendProbe.Criticality;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;
import java.util.Objects;

/**
 * Probes in the shape load balancers and Kubernetes expect: {@code /health/live} answers 200 while
 * the process serves HTTP at all (it never asks a backend, so a database outage does not get the
 * node restarted); {@code /health/ready} answers 503 (DOWN) while a backend the node cannot serve without is down,
 * and 200 otherwise: UP, or DEGRADED when only a backend it can do without (revocation-only Redis) is down, so that
 * a load balancer keeps the node, which still verifies tokens from its near-cache, in rotation.
 */
public final class HealthRoutes implements HttpService {

    private final CheckReadiness readiness;

    public HealthRoutes(CheckReadiness readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(Paths.HEALTH_LIVE, this::live)
                .any(Paths.HEALTH_LIVE, MethodNotAllowed.allowing(Method.GET))
                .get(Paths.HEALTH_READY, this::ready)
                .any(Paths.HEALTH_READY, MethodNotAllowed.allowing(Method.GET));
    }

    private void live(ServerRequest req, ServerResponse res) {
        CacheHeaders.noStore(res);
        Json.send(res, Status.OK_200, Json.object().put("status", "UP"));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        Readiness current = readiness.check();
        String status = !current.isReady() ? "DOWN" : current.isDegraded() ? "DEGRADED" : "UP";
        ObjectNode body = Json.object().put("status", status);
        ArrayNode checks = body.putArray("checks");
        for (BackendStatus backend : current.backends()) {
            checks.addObject()
                    .put("name", backend.backend())
                    .put("address", backend.address())
                    .put("status", backend.state().name().toUpperCase(Locale.ROOT))
                    .put("required", backend.criticality() == Criticality.REQUIRED);
        }
        CacheHeaders.noStore(res);
        Json.send(res, current.isReady() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }
}
