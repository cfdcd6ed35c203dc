package dev.portcullis.adapters.http.revocation;

import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.form.FormPost;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.RevokeToken;
import dev.portcullis.application.port.in.RevokeToken.RevocationRequest;
import dev.portcullis.application.port.in.RevokeToken.RevocationResult;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.error.OAuthError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
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

    public RevocationRoutes(RevokeToken revokeToken) {
        this(revokeToken, RequestGate.open());
    }

    public RevocationRoutes(RevokeToken revokeToken, RequestGate gate) {
        this.revokeToken = Objects.requireNonNull(revokeToken, "revokeToken");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(Paths.REVOKE, (req, res) -> {
                    CacheHeaders.noStore(res);
                    res.next();
                })
                .post(Paths.REVOKE, this::revoke)
                .any(Paths.REVOKE, MethodNotAllowed.allowing(Method.POST));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        FormBody form;
        switch (FormPost.read(req)) {
            case FormPost.TooLarge tooLarge -> {
                LOG.log(Level.INFO, () -> "revocation refused: body too large: " + tooLarge.reason());
                ErrorResponse.tooLarge().send(res);
                return;
            }
            case FormPost.Malformed malformed -> {
                refuse(res, OAuthError.INVALID_REQUEST, malformed.reason(), false);
                return;
            }
            case FormPost.Read read -> form = read.form();
        }
        RevocationRequest request;
        String source = gate.source(req);
        switch (RevocationRequestParser.parse(form, req.headers().all(HeaderNames.AUTHORIZATION, List::of))) {
            case ClientRequestParse.Failed<RevocationRequest> failed -> {
                if (gate.admitOrRefuse(source, Optional.empty(), res, "revocation")) {
                    refuse(res, failed.error(), failed.reason(), failed.challengeBasic());
                }
                return;
            }
            case ClientRequestParse.Parsed<RevocationRequest> parsed -> request = parsed.request();
        }
        if (!gate.admitOrRefuse(source, Optional.of(request.credentials().clientId()), res, "revocation")) {
            return;
        }
        switch (revokeToken.revoke(request)) {
            case RevocationResult.Done done -> {
                LOG.log(Level.INFO, () -> "revocation by " + request.credentials().clientId() + ": " + done.outcome());
                res.status(Status.OK_200);
                res.send();
            }
            case RevocationResult.Rejected rejected -> {
                if (rejected.error() == OAuthError.INVALID_CLIENT) {
                    gate.failedClientAuthentication(source, request.credentials().clientId());
                }
                refuse(res, rejected.error(), request.credentials() + ": " + rejected.reason(),
                        request.credentials().method() == AuthMethod.CLIENT_SECRET_BASIC);
            }
        }
    }

    private static void refuse(ServerResponse res, OAuthError error, String reason, boolean challengeBasic) {
        LOG.log(Level.INFO, () -> "revocation refused: " + error.code() + ": " + reason);
        ErrorResponse.toClient(error, challengeBasic, Challenges.basic()).send(res);
    }
}
