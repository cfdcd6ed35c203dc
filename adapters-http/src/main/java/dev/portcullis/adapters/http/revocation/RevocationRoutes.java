package dev.portcullis.adapters.http.revocation;

import dev.portcullis.adapters.http.clientauth.ClientEndpoint;
import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.application.port.in.RevokeToken;
import dev.portcullis.application.port.in.RevokeToken.RevocationRequest;
import dev.portcullis.application.port.in.RevokeToken.RevocationResult;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation endpoint (RFC 7009): {@code POST /revoke} with a form body, the client authenticating
 * as at {@code /token}. 200 with an empty body whenever the client is authenticated and the request
 * well-formed, whatever the token was (§2.2); 200 only once the revocation is durable, 503
 * {@code temporarily_unavailable} when it cannot be (the edge maps the store's failure). Every answer
 * carries {@code Cache-Control: no-store}.
 */
public final class RevocationRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(RevocationRoutes.class.getName());

    private final RevokeToken revokeToken;
    private final RequestGate gate;
    private final ClientEndpoint endpoint;

    public RevocationRoutes(RevokeToken revokeToken) {
        this(revokeToken, RequestGate.open());
    }

    public RevocationRoutes(RevokeToken revokeToken, RequestGate gate) {
        this.revokeToken = Objects.requireNonNull(revokeToken, "revokeToken");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.endpoint = new ClientEndpoint(LOG, "revocation", gate, error -> { }, List.of(Challenges.basic()));
    }

    @Override
    public void routing(HttpRules rules) {
        ClientEndpoint.route(rules, Paths.REVOKE, this::revoke);
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Optional<FormBody> form = endpoint.form(req, res);
        if (form.isEmpty()) {
            return;
        }
        String source = gate.source(req);
        Optional<RevocationRequest> admitted = endpoint.admit(
                RevocationRequestParser.parse(form.get(), req.headers().all(HeaderNames.AUTHORIZATION, List::of)),
                source, request -> Optional.of(request.credentials().clientId()), res);
        if (admitted.isEmpty()) {
            return;
        }
        RevocationRequest request = admitted.get();
        switch (revokeToken.revoke(request)) {
            case RevocationResult.Done done -> {
                LOG.log(Level.INFO, () -> "revocation by " + request.credentials().clientId() + ": " + done.outcome());
                res.status(Status.OK_200);
                res.send();
            }
            case RevocationResult.Rejected rejected ->
                    endpoint.rejected(res, source, request.credentials(), rejected.error(), rejected.reason());
        }
    }
}
