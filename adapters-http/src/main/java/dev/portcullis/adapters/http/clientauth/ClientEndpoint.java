package dev.portcullis.adapters.http.clientauth;

import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Parsed;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.form.FormPost;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.Issuer;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The way in shared by the endpoints where clients authenticate ({@code /token}, {@code /revoke},
 * {@code /introspect}): POST only and every answer {@code no-store}; the form body ({@link FormPost}: 413, or
 * invalid_request); the issuer; the parsed request, a parse failure answered only if the {@link RequestGate}
 * admits its source; the request admitted for its client. Each step that refuses has answered (RFC 6749 §5.2)
 * and logged one line {@code "<what> refused: <code>: <reason>"}; the caller gets nothing to go on with.
 */
public final class ClientEndpoint {

    private final System.Logger log;
    private final String what;
    private final RequestGate gate;
    private final Consumer<OAuthError> edgeRefusals;
    private final List<String> challenges;

    /**
     * @param log          the endpoint's logger
     * @param what         names the endpoint in log lines, e.g. {@code "revocation"}
     * @param edgeRefusals told of every refusal before the use case runs (not of the body too large)
     * @param challenges   the {@code WWW-Authenticate} values of a 401 that asks for client authentication
     */
    public ClientEndpoint(System.Logger log, String what, RequestGate gate, Consumer<OAuthError> edgeRefusals,
                          List<String> challenges) {
        this.log = Objects.requireNonNull(log, "log");
        this.what = Objects.requireNonNull(what, "what");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.edgeRefusals = Objects.requireNonNull(edgeRefusals, "edgeRefusals");
        this.challenges = List.copyOf(challenges);
    }

    /** {@code POST path} to {@code handler}; every answer {@code no-store}; any other method 405. */
    public static void route(HttpRules rules, String path, Handler handler) {
        rules.any(path, (req, res) -> {
                    CacheHeaders.noStore(res);
                    res.next();
                })
                .post(path, handler)
                .any(path, MethodNotAllowed.allowing(Method.POST));
    }

    /** The form body; empty when the request was refused. */
    public Optional<FormBody> form(ServerRequest req, ServerResponse res) {
        return switch (FormPost.read(req)) {
            case FormPost.TooLarge tooLarge -> {
                log.log(Level.INFO, () -> what + " refused: body too large: " + tooLarge.reason());
                ErrorResponse.tooLarge().send(res);
                yield Optional.empty();
            }
            case FormPost.Malformed malformed -> {
                refuseAtEdge(res, OAuthError.INVALID_REQUEST, malformed.reason(), false);
                yield Optional.empty();
            }
            case FormPost.Read read -> Optional.of(read.form());
        };
    }

    /** A form body and the issuer it was sent to. */
    public record IssuedForm(FormBody form, Issuer issuer) {
        public IssuedForm {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    /** The form body, then the request's issuer; empty when the request was refused. */
    public Optional<IssuedForm> formAndIssuer(IssuerResolver issuers, ServerRequest req, ServerResponse res) {
        return form(req, res).flatMap(form -> {
            Optional<Issuer> issuer = issuers.resolve(req);
            if (issuer.isEmpty()) {
                refuseAtEdge(res, OAuthError.INVALID_REQUEST, IssuerResolver.NO_ISSUER, false);
            }
            return issuer.map(found -> new IssuedForm(form, found));
        });
    }

    /**
     * The parsed request once the gate admits it from {@code source} for its client; empty when it was refused.
     *
     * @param client the client the request names, if it names one
     */
    public <T> Optional<T> admit(ClientRequestParse<T> parse, String source, Function<T, Optional<ClientId>> client,
                                 ServerResponse res) {
        return switch (parse) {
            case Failed<T> failed -> {
                if (gate.admitOrRefuse(source, Optional.empty(), res, what)) {
                    refuseAtEdge(res, failed.error(), failed.reason(), failed.challengeBasic());
                }
                yield Optional.empty();
            }
            case Parsed<T> parsed -> gate.admitOrRefuse(source, client.apply(parsed.request()), res, what)
                    ? Optional.of(parsed.request()) : Optional.empty();
        };
    }

    /**
     * The use case refused the request of a client that presented {@code credentials}: a failed authentication
     * counts against the source, and a 401 challenges when the client used the Authorization header.
     */
    public void rejected(ServerResponse res, String source, PresentedCredentials credentials, OAuthError error,
                         String reason) {
        if (error == OAuthError.INVALID_CLIENT) {
            gate.failedClientAuthentication(source, credentials.clientId());
        }
        refuse(res, error, credentials + ": " + reason, credentials.method() == AuthMethod.CLIENT_SECRET_BASIC);
    }

    private void refuseAtEdge(ServerResponse res, OAuthError error, String reason, boolean challenge) {
        edgeRefusals.accept(error);
        refuse(res, error, reason, challenge);
    }

    private void refuse(ServerResponse res, OAuthError error, String reason, boolean challenge) {
        log.log(Level.INFO, () -> what + " refused: " + error.code() + ": " + reason);
        ErrorResponse.toClient(error, challenge, challenges.toArray(String[]::new)).send(res);
    }
}
