package dev.portcullis.adapters.http.token;

import dev.portcullis.adapters.http.clientauth.ClientEndpoint;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.form.FormPost;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
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
 * The token endpoint (RFC 6749 §3.2): {@code POST /token} with a form body. Every response,
 * errors included, carries {@code Cache-Control: no-store} and {@code Pragma: no-cache}.
 * Checks in order: body size (413), content type, form syntax ({@link FormPost}), issuer, then {@link TokenRequestParser};
 * the request is then dispatched once to {@link IssueToken}. A password grant whose username is locked
 * out from this source answers as the rate limits do: 429, {@code Retry-After}, {@code temporarily_unavailable}.
 */
public final class TokenRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(TokenRoutes.class.getName());

    /** Largest body accepted: a token request is a handful of short parameters. */
    public static final int MAX_BODY_BYTES = FormPost.MAX_BODY_BYTES;

    private final IssueToken issueToken;
    private final IssuerResolver issuers;
    private final RequestGate gate;
    private final TokenRefusals refusals;
    private final ClientEndpoint endpoint;

    public TokenRoutes(IssueToken issueToken, IssuerResolver issuers) {
        this(issueToken, issuers, RequestGate.open(), TokenRefusals.none());
    }

    public TokenRoutes(IssueToken issueToken, IssuerResolver issuers, RequestGate gate, TokenRefusals refusals) {
        this.issueToken = Objects.requireNonNull(issueToken, "issueToken");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.endpoint = new ClientEndpoint(LOG, "token request", gate, refusals::refused, List.of(Challenges.basic()));
    }

    @Override
    public void routing(HttpRules rules) {
        ClientEndpoint.route(rules, Paths.TOKEN, this::token);
    }

    private void token(ServerRequest req, ServerResponse res) {
        Optional<ClientEndpoint.IssuedForm> sent = endpoint.formAndIssuer(issuers, req, res);
        if (sent.isEmpty()) {
            return;
        }
        List<String> authorization = req.headers().all(HeaderNames.AUTHORIZATION, List::of);
        String source = gate.source(req);
        Optional<TokenRequest> admitted = endpoint.admit(
                TokenRequestParser.parse(sent.get().form(), authorization, sent.get().issuer(), source),
                source, request -> Optional.of(request.credentials().clientId()), res);
        if (admitted.isEmpty()) {
            return;
        }
        TokenRequest request = admitted.get();
        switch (issueToken.issue(request)) {
            case TokenResult.Issued issued -> Json.send(res, Status.OK_200, tokenResponse(issued));
            case TokenResult.Throttled throttled -> {
                LOG.log(Level.INFO, () -> "token request refused: 429: " + request.credentials()
                        + ": password grant locked out for the username from " + source);
                RequestGate.tooManyRequests(res, throttled.retryAfter());
            }
            case TokenResult.Rejected rejected ->
                    endpoint.rejected(res, source, request.credentials(), rejected.error(), rejected.reason());
        }
    }

    /** RFC 6749 §5.1. */
    private static ObjectNode tokenResponse(TokenResult.Issued issued) {
        ObjectNode body = Json.object();
        body.put("access_token", issued.accessToken().compact());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn().toSeconds());
        if (!issued.scope().isEmpty()) {
            body.put("scope", issued.scope().wire());
        }
        issued.refreshToken().ifPresent(refresh -> body.put("refresh_token", refresh));
        return body;
    }
}
