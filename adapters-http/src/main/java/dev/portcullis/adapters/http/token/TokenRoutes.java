package dev.portcullis.adapters.http.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.edge.CacheHeaders;
import dev.portcullis.adapters.http.edge.Challenges;
import dev.portcullis.adapters.http.edge.FormBody;
import dev.portcullis.adapters.http.edge.IssuerResolver;
import dev.portcullis.adapters.http.edge.Json;
import dev.portcullis.adapters.http.edge.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.adapters.http.error.OAuthErrors;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.Issuer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The token endpoint (RFC 6749 §3.2): {@code POST /token} with a form body. Every response,
 * errors included, carries {@code Cache-Control: no-store} and {@code Pragma: no-cache}.
 * Checks in order: body size (413), content type, form syntax, issuer, then {@link TokenRequestParser};
 * the request is then dispatched once to {@link IssueToken}.
 */
public final class TokenRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(TokenRoutes.class.getName());

    /** Largest body accepted: a token request is a handful of short parameters. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final IssueToken issueToken;
    private final IssuerResolver issuers;

    public TokenRoutes(IssueToken issueToken, IssuerResolver issuers) {
        this.issueToken = Objects.requireNonNull(issueToken, "issueToken");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(Paths.TOKEN, (req, res) -> {
                    CacheHeaders.noStore(res);
                    res.next();
                })
                .post(Paths.TOKEN, this::token)
                .any(Paths.TOKEN, MethodNotAllowed.allowing(Method.POST));
    }

    private void token(ServerRequest req, ServerResponse res) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > MAX_BODY_BYTES) {
            tooLarge(res, "Content-Length " + declared.getAsLong());
            return;
        }
        if (!isFormUtf8(req.headers().first(HeaderNames.CONTENT_TYPE))) {
            refuse(res, OAuthError.INVALID_REQUEST, "content type is not application/x-www-form-urlencoded in UTF-8", false);
            return;
        }
        Optional<byte[]> body = readBounded(req);
        if (body.isEmpty()) {
            tooLarge(res, "body read beyond " + MAX_BODY_BYTES + " bytes");
            return;
        }
        FormBody form;
        switch (FormBody.parse(body.get())) {
            case FormBody.Malformed malformed -> {
                refuse(res, OAuthError.INVALID_REQUEST, "form body: " + malformed.reason(), false);
                return;
            }
            case FormBody.Parsed parsed -> form = parsed.form();
        }
        Optional<Issuer> issuer = issuers.resolve(req);
        if (issuer.isEmpty()) {
            refuse(res, OAuthError.INVALID_REQUEST, "no issuer: Host header missing or not a host[:port]", false);
            return;
        }
        List<String> authorization = req.headers().all(HeaderNames.AUTHORIZATION, List::of);
        TokenRequest request;
        switch (TokenRequestParser.parse(form, authorization, issuer.get())) {
            case TokenRequestParser.Failed failed -> {
                refuse(res, failed.error(), failed.reason(), failed.challengeBasic());
                return;
            }
            case TokenRequestParser.Parsed parsed -> request = parsed.request();
        }
        switch (issueToken.issue(request)) {
            case TokenResult.Issued issued -> Json.send(res, Status.OK_200, tokenResponse(issued));
            case TokenResult.Rejected rejected -> refuse(res, rejected.error(),
                    request.credentials() + ": " + rejected.reason(),
                    request.credentials().method() == AuthMethod.CLIENT_SECRET_BASIC);
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

    /** RFC 6749 §5.2: 401 for invalid_client, with a Basic challenge when asked; 400 for the others. */
    private static void refuse(ServerResponse res, OAuthError error, String reason, boolean challengeBasic) {
        LOG.log(Level.INFO, () -> "token request refused: " + error.code() + ": " + reason);
        Status status = switch (error) {
            case INVALID_CLIENT -> Status.UNAUTHORIZED_401;
            case SERVER_ERROR -> Status.INTERNAL_SERVER_ERROR_500;
            case TEMPORARILY_UNAVAILABLE -> Status.SERVICE_UNAVAILABLE_503;
            default -> Status.BAD_REQUEST_400;
        };
        if (error == OAuthError.INVALID_CLIENT && challengeBasic) {
            res.header(HeaderNames.WWW_AUTHENTICATE, Challenges.basic());
        }
        OAuthErrors.send(res, status, error);
    }

    private static void tooLarge(ServerResponse res, String reason) {
        LOG.log(Level.INFO, () -> "token request refused: body too large: " + reason);
        Json.send(res, Status.REQUEST_ENTITY_TOO_LARGE_413,
                OAuthErrors.body(OAuthError.INVALID_REQUEST, "the request body is too large"));
    }

    /** {@code application/x-www-form-urlencoded}, with no charset or charset UTF-8 (case-insensitive). */
    static boolean isFormUtf8(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return false;
        }
        String[] parts = contentType.get().split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = param.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES}; empty when the body is longer (a chunked body declares
     * no length). What is left unread, Helidon drains after the response, up to the server-wide limit.
     */
    private static Optional<byte[]> readBounded(ServerRequest req) {
        InputStream in = req.content().inputStream();
        try {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the token request body", e);
        }
    }
}
