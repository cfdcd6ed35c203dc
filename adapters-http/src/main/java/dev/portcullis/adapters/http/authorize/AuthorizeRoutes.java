package dev.portcullis.adapters.http.authorize;

import dev.portcullis.adapters.http.authorize.AuthorizationSessions.Session;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.form.FormPost;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.log.LogSafe;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.limits.RequestGate;
import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.adapters.http.error.OAuthErrors;
import dev.portcullis.application.port.in.AuthorizationContext;
import dev.portcullis.application.port.in.AuthorizationRequest;
import dev.portcullis.application.port.in.LogIn;
import dev.portcullis.application.port.in.LogIn.LoginAttempt;
import dev.portcullis.application.port.in.LogIn.LoginResult;
import dev.portcullis.application.port.in.RedirectError;
import dev.portcullis.application.port.in.ShowError;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest.Valid;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest.Validation;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.Issuer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1–4.1.2.1) with its login page.
 *
 * <p>{@code GET /authorize?…} validates the request. An unknown client or an unregistered
 * redirect URI gets an error page (400) and is never redirected to; other errors are redirected
 * (302) with {@code error}, {@code error_description}, {@code state} (when sent) and {@code iss}
 * (RFC 9207). A valid request gets the login page, which carries it sealed
 * ({@link AuthorizationSessions}) and bound to a CSRF cookie ({@link CsrfCookie}).
 *
 * <p>{@code POST /authorize} takes the form. A missing, tampered or expired session, or a CSRF
 * cookie that is missing, repeated or not the session's, gets an error page (400), never a
 * redirect. Then: Cancel redirects {@code access_denied}; a successful login redirects (303,
 * RFC 9700 §4.12) with {@code code}, {@code state} and {@code iss}; a failed one shows the form
 * again with a generic error (401); a throttled one says so (429 with Retry-After). A backend
 * failure after the session is verified is redirected as {@code temporarily_unavailable} or
 * {@code server_error}; before, it is an error page (503/500).
 */
public final class AuthorizeRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(AuthorizeRoutes.class.getName());

    static final String GENERIC_LOGIN_FAILURE = "Incorrect username or password.";

    private static final List<String> REQUEST_PARAMETERS = List.of(AuthorizationRequest.CLIENT_ID,
            AuthorizationRequest.REDIRECT_URI, AuthorizationRequest.RESPONSE_TYPE, AuthorizationRequest.CODE_CHALLENGE,
            AuthorizationRequest.CODE_CHALLENGE_METHOD, AuthorizationRequest.SCOPE, AuthorizationRequest.STATE);
    private static final List<String> FORM_FIELDS = List.of("session", "username", "password", "action");

    private final AuthorizeEndpoint endpoint;
    private final IssuerResolver issuers;
    private final RequestGate gate;

    public AuthorizeRoutes(AuthorizeEndpoint endpoint, IssuerResolver issuers) {
        this(endpoint, issuers, RequestGate.open());
    }

    public AuthorizeRoutes(AuthorizeEndpoint endpoint, IssuerResolver issuers, RequestGate gate) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(Paths.AUTHORIZE, (req, res) -> {
                    HtmlResponses.commonHeaders(res);
                    res.next();
                })
                .get(Paths.AUTHORIZE, this::authorize)
                .post(Paths.AUTHORIZE, this::logIn)
                .any(Paths.AUTHORIZE, MethodNotAllowed.allowing(Method.GET, Method.POST));
    }

    // ---------------------------------------------------------------- GET

    private void authorize(ServerRequest req, ServerResponse res) {
        Optional<Issuer> issuer = issuers.resolve(req);
        if (issuer.isEmpty()) {
            errorPage(res, Status.BAD_REQUEST_400, ErrorText.BAD_REQUEST, "no issuer: Host header missing or not a host[:port]");
            return;
        }
        String rawQuery = req.query().rawValue();
        FormBody query;
        switch (FormBody.parse(rawQuery == null ? new byte[0] : rawQuery.getBytes(StandardCharsets.ISO_8859_1))) {
            case FormBody.Malformed malformed -> {
                errorPage(res, Status.BAD_REQUEST_400, ErrorText.BAD_REQUEST, "query: " + malformed.reason());
                return;
            }
            case FormBody.Parsed parsed -> query = parsed.form();
        }
        Validation validation;
        try {
            validation = endpoint.validate().validate(request(query));
        } catch (RuntimeException e) {
            failurePage(res, e);
            return;
        }
        switch (validation) {
            case ShowError shown -> showError(res, shown);
            case RedirectError error -> redirectError(res, Status.FOUND_302, error, issuer.get());
            case Valid valid -> loginPage(req, res, valid.context(), issuer.get());
        }
    }

    private static AuthorizationRequest request(FormBody query) {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        for (String name : REQUEST_PARAMETERS) {
            values.put(name, query.param(name) instanceof FormBody.Single single ? Optional.of(single.value()) : Optional.empty());
        }
        return new AuthorizationRequest(values.get(AuthorizationRequest.CLIENT_ID), values.get(AuthorizationRequest.REDIRECT_URI),
                values.get(AuthorizationRequest.RESPONSE_TYPE), values.get(AuthorizationRequest.CODE_CHALLENGE),
                values.get(AuthorizationRequest.CODE_CHALLENGE_METHOD), values.get(AuthorizationRequest.SCOPE),
                values.get(AuthorizationRequest.STATE), Set.copyOf(query.repeated(REQUEST_PARAMETERS)));
    }

    private void loginPage(ServerRequest req, ServerResponse res, AuthorizationContext context, Issuer issuer) {
        List<String> cookies = req.headers().all(HeaderNames.COOKIE, List::of);
        String nonce = CsrfCookie.single(cookies, issuer).orElseGet(CsrfCookie::newNonce);
        res.header(HeaderNames.SET_COOKIE, CsrfCookie.setCookie(issuer, nonce));
        String sealed = endpoint.sessions().seal(new Session(context, issuer, nonce));
        HtmlResponses.page(res, Status.OK_200,
                Pages.login(new Pages.LoginView(context.clientId().value(), context.scope(), sealed, Optional.empty(),
                        Optional.empty())),
                Optional.of(context.redirectUri()));
    }

    // ---------------------------------------------------------------- POST

    private void logIn(ServerRequest req, ServerResponse res) {
        Optional<Issuer> issuer = issuers.resolve(req);
        if (issuer.isEmpty()) {
            errorPage(res, Status.BAD_REQUEST_400, ErrorText.BAD_REQUEST, "no issuer: Host header missing or not a host[:port]");
            return;
        }
        Optional<FormBody> form = readForm(req, res);
        if (form.isEmpty()) {
            return;
        }
        List<String> repeated = form.get().repeated(FORM_FIELDS);
        if (!repeated.isEmpty()) {
            errorPage(res, Status.BAD_REQUEST_400, ErrorText.BAD_REQUEST, "login form repeats " + repeated.getFirst());
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : FORM_FIELDS) {
            if (form.get().param(name) instanceof FormBody.Single single) {
                fields.put(name, single.value());
            }
        }
        Optional<Session> session = verifiedSession(req, res, fields.get("session"), issuer.get());
        if (session.isEmpty()) {
            return;
        }
        AuthorizationContext context = session.get().context();
        String action = fields.getOrDefault("action", "login");
        if (action.equals("cancel")) {
            redirectError(res, Status.SEE_OTHER_303, new RedirectError(context.redirectUri(), OAuthError.ACCESS_DENIED,
                    "the user cancelled the login", context.state()), issuer.get());
            return;
        }
        if (!action.equals("login")) {
            errorPage(res, Status.BAD_REQUEST_400, ErrorText.BAD_REQUEST, "login form action " + LogSafe.quote(action));
            return;
        }
        String username = fields.getOrDefault("username", "");
        String source = gate.source(req);
        if (gate.admit(source, Optional.of(context.clientId())) instanceof LimitRequests.TooMany tooMany) {
            long seconds = RequestGate.retryAfterSeconds(tooMany.retryAfter());
            LOG.log(Level.INFO, () -> "login refused: 429: " + tooMany.reason());
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
            loginAgain(res, Status.TOO_MANY_REQUESTS_429, context, fields.get("session"), username,
                    "Too many requests. Try again in " + describe(Duration.ofSeconds(seconds)) + ".");
            return;
        }
        LoginResult result;
        try {
            result = endpoint.logIn().logIn(new LoginAttempt(context, username, fields.getOrDefault("password", ""),
                    source));
        } catch (BackendUnavailableException e) {
            LOG.log(Level.WARNING, "login: backend unavailable: " + e.getMessage(), e);
            redirectError(res, Status.SEE_OTHER_303, new RedirectError(context.redirectUri(),
                    OAuthError.TEMPORARILY_UNAVAILABLE, "backend unavailable", context.state()), issuer.get());
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "login: unexpected failure", e);
            redirectError(res, Status.SEE_OTHER_303, new RedirectError(context.redirectUri(),
                    OAuthError.SERVER_ERROR, "unexpected failure", context.state()), issuer.get());
            return;
        }
        String sealed = fields.get("session");
        switch (result) {
            case LogIn.CodeIssued issued -> {
                LOG.log(Level.INFO, () -> "login: code issued to client " + context.clientId() + " for "
                        + LogSafe.quote(username));
                Map<String, String> params = new LinkedHashMap<>();
                params.put("code", issued.code());
                issued.state().ifPresent(state -> params.put("state", state));
                params.put("iss", issuer.get().value());
                HtmlResponses.redirect(res, Status.SEE_OTHER_303, RedirectLocation.of(issued.redirectUri(), params));
            }
            case LogIn.LoginFailed failed -> {
                LOG.log(Level.INFO, () -> "login failed for client " + context.clientId() + ": " + LogSafe.quote(failed.reason()));
                loginAgain(res, Status.UNAUTHORIZED_401, context, sealed, username, GENERIC_LOGIN_FAILURE);
            }
            case LogIn.Throttled throttled -> {
                long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
                LOG.log(Level.INFO, () -> "login throttled for " + LogSafe.quote(username) + " from " + source
                        + " for " + seconds + " s");
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
                loginAgain(res, Status.TOO_MANY_REQUESTS_429, context, sealed, username,
                        "Too many failed sign-in attempts. Try again in " + describe(Duration.ofSeconds(seconds)) + ".");
            }
            case ShowError shown -> showError(res, shown);
            case RedirectError error -> redirectError(res, Status.SEE_OTHER_303, error, issuer.get());
        }
    }

    private Optional<FormBody> readForm(ServerRequest req, ServerResponse res) {
        switch (FormPost.read(req)) {
            case FormPost.TooLarge tooLarge -> {
                errorPage(res, Status.REQUEST_ENTITY_TOO_LARGE_413, ErrorText.BAD_REQUEST, "login form: " + tooLarge.reason());
                return Optional.empty();
            }
            case FormPost.Malformed malformed -> {
                errorPage(res, Status.BAD_REQUEST_400, ErrorText.BAD_REQUEST, malformed.reason());
                return Optional.empty();
            }
            case FormPost.Read ok -> {
                return Optional.of(ok.form());
            }
        }
    }

    /** The sealed session, opened, and bound to this browser's CSRF cookie; or an error page, sent. */
    private Optional<Session> verifiedSession(ServerRequest req, ServerResponse res, String sealed, Issuer issuer) {
        if (sealed == null) {
            errorPage(res, Status.BAD_REQUEST_400, ErrorText.SESSION, "login form without session");
            return Optional.empty();
        }
        Session session;
        switch (endpoint.sessions().open(sealed, issuer)) {
            case AuthorizationSessions.Invalid invalid -> {
                errorPage(res, Status.BAD_REQUEST_400, ErrorText.SESSION, invalid.reason());
                return Optional.empty();
            }
            case AuthorizationSessions.Valid valid -> session = valid.session();
        }
        List<String> cookies = CsrfCookie.values(req.headers().all(HeaderNames.COOKIE, List::of), CsrfCookie.name(issuer));
        if (cookies.size() != 1) {
            errorPage(res, Status.BAD_REQUEST_400, ErrorText.SESSION, cookies.size() + " CSRF cookies");
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(cookies.getFirst().getBytes(StandardCharsets.UTF_8),
                session.csrfNonce().getBytes(StandardCharsets.UTF_8))) {
            errorPage(res, Status.BAD_REQUEST_400, ErrorText.SESSION, "CSRF cookie is not the session's");
            return Optional.empty();
        }
        return Optional.of(session);
    }

    private static void loginAgain(ServerResponse res, Status status, AuthorizationContext context, String sealed,
                                   String username, String error) {
        HtmlResponses.page(res, status,
                Pages.login(new Pages.LoginView(context.clientId().value(), context.scope(), sealed,
                        Optional.of(username).filter(u -> !u.isEmpty()), Optional.of(error))),
                Optional.of(context.redirectUri()));
    }

    // ---------------------------------------------------------------- answers

    private static void redirectError(ServerResponse res, Status status, RedirectError error, Issuer issuer) {
        LOG.log(Level.INFO, () -> "authorization request refused: " + error.error().code() + ": " + error.reason());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error().code());
        params.put("error_description", OAuthErrors.publicDescription(error.error()));
        error.state().ifPresent(state -> params.put("state", state));
        params.put("iss", issuer.value());
        HtmlResponses.redirect(res, status, RedirectLocation.of(error.redirectUri(), params));
    }

    private static void showError(ServerResponse res, ShowError shown) {
        ErrorText text = switch (shown.problem()) {
            case INVALID_CLIENT -> ErrorText.UNKNOWN_CLIENT;
            case INVALID_REDIRECT_URI -> ErrorText.BAD_REDIRECT_URI;
        };
        errorPage(res, Status.BAD_REQUEST_400, text, shown.reason());
    }

    private static void failurePage(ServerResponse res, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BackendUnavailableException) {
                LOG.log(Level.WARNING, "authorization request: backend unavailable: " + e.getMessage(), e);
                res.header(HeaderNames.RETRY_AFTER, "5");
                errorPage(res, Status.SERVICE_UNAVAILABLE_503, ErrorText.UNAVAILABLE, "backend unavailable");
                return;
            }
        }
        LOG.log(Level.ERROR, "authorization request: unexpected failure", e);
        errorPage(res, Status.INTERNAL_SERVER_ERROR_500, ErrorText.SERVER_ERROR, "unexpected failure");
    }

    private static void errorPage(ServerResponse res, Status status, ErrorText text, String reason) {
        LOG.log(Level.INFO, () -> "authorization endpoint: " + status.code() + " error page: " + reason);
        HtmlResponses.page(res, status, Pages.error(text.title, text.message), Optional.empty());
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    /** The texts of the error pages: generic, and never containing anything the request sent. */
    enum ErrorText {
        UNKNOWN_CLIENT("Unknown application",
                "The application that sent you here is not registered with this server, so you cannot sign in to it."),
        BAD_REDIRECT_URI("Invalid redirect address",
                "The application that sent you here asked to send you back to an address it has not registered. "
                        + "For your safety you were not sent there."),
        BAD_REQUEST("Bad request", "The sign-in request is malformed."),
        SESSION("Sign-in form expired",
                "This sign-in form has expired or was not issued to this browser. Go back to the application and start again."),
        UNAVAILABLE("Temporarily unavailable", "The server is temporarily unavailable. Try again in a moment."),
        SERVER_ERROR("Server error", "The server could not process the sign-in request.");

        final String title;
        final String message;

        ErrorText(String title, String message) {
            this.title = title;
            this.message = message;
        }
    }
}
