package dev.portcullis.bootstrap.observability;

import dev.portcullis.adapters.http.admin.AdminGate;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the Prometheus text exposition. It names client ids and their traffic, so on the public port
 * only a bearer of the metrics scope gets it (a scraper with an OAuth client: Prometheus' {@code oauth2} block); on the
 * management port, which the network keeps internal, anyone who reaches it.
 */
final class MetricsRoutes implements HttpService {

    static final String PATH = "/metrics";

    private final Supplier<String> scrape;
    private final Optional<AdminGate> gate;

    /** @param gate the door of the public port; empty on the management port */
    MetricsRoutes(Supplier<String> scrape, Optional<AdminGate> gate) {
        this.scrape = Objects.requireNonNull(scrape, "scrape");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::scrape)
                .any(PATH, MethodNotAllowed.allowing(Method.GET));
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        if (gate.isPresent() && gate.get().admit(req, res).isEmpty()) {
            return; // refused, and the refusal is sent
        }
        CacheHeaders.noStore(res);
        res.status(Status.OK_200);
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"));
        res.send(scrape.get().getBytes(StandardCharsets.UTF_8));
    }
}
