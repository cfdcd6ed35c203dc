package dev.portcullis.application.service;

import static dev.portcullis.application.port.in.AuthorizationRequest.CLIENT_ID;
import static dev.portcullis.application.port.in.AuthorizationRequest.CODE_CHALLENGE;
import static dev.portcullis.application.port.in.AuthorizationRequest.CODE_CHALLENGE_METHOD;
import static dev.portcullis.application.port.in.AuthorizationRequest.REDIRECT_URI;
import static dev.portcullis.application.port.in.AuthorizationRequest.RESPONSE_TYPE;
import static dev.portcullis.application.port.in.AuthorizationRequest.SCOPE;
import static dev.portcullis.application.port.in.AuthorizationRequest.STATE;

import dev.portcullis.application.port.in.AuthorizationContext;
import dev.portcullis.application.port.in.AuthorizationRequest;
import dev.portcullis.application.port.in.RedirectError;
import dev.portcullis.application.port.in.ShowError;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.RedirectUriPolicy;
import dev.portcullis.domain.client.RedirectUriRule;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.syntax.Ascii;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates an authorization request in the order RFC 6749 §4.1.2.1 prescribes: first what makes
 * a redirect safe (client and redirect URI: an error there is shown, never redirected, §10.15;
 * a registered URI that breaks the {@link RedirectUriPolicy} counts as not registered), then
 * everything else, answered by redirecting to the verified redirect URI.
 *
 * <ul>
 *   <li>{@code response_type} must be {@code code} (absent: {@code invalid_request}; other:
 *       {@code unsupported_response_type});</li>
 *   <li>the client must be registered for {@code authorization_code} ({@code unauthorized_client});</li>
 *   <li>PKCE with S256 is required of every client: {@code code_challenge} and
 *       {@code code_challenge_method=S256} (absent method means {@code plain}, RFC 7636 §4.3,
 *       which is refused like any other method: {@code invalid_request});</li>
 *   <li>{@code scope} must be well-formed and allowed for the client ({@code invalid_scope}); none
 *       asked for means the client's default scopes;</li>
 *   <li>{@code state} is optional and echoed as sent; it must be VSCHARs (RFC 6749 Appendix A.5)
 *       of at most {@value #MAX_STATE_LENGTH} characters, else {@code invalid_request} without it;</li>
 *   <li>any of these parameters sent more than once is {@code invalid_request} (§3.1).</li>
 * </ul>
 */
public final class ValidateAuthorizationRequestService implements ValidateAuthorizationRequest {

    public static final int MAX_STATE_LENGTH = 1024;
    private static final String S256 = "S256";
    private static final List<String> REDIRECTED_PARAMETERS =
            List.of(RESPONSE_TYPE, CODE_CHALLENGE, CODE_CHALLENGE_METHOD, SCOPE);

    private final ClientRepository clients;
    private final RedirectUriPolicy redirectUris;

    /**
     * @param redirectUris the rule every redirect URI must pass before it is redirected to, even when registered:
     *                     a URI stored before the rule (or written to the store by hand) is shown as an error, never
     *                     followed, so that no code or error ever goes to {@code javascript:} and the like
     */
    public ValidateAuthorizationRequestService(ClientRepository clients, RedirectUriPolicy redirectUris) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.redirectUris = Objects.requireNonNull(redirectUris, "redirectUris");
    }

    @Override
    public Validation validate(AuthorizationRequest request) {
        if (request.repeated().contains(CLIENT_ID)) {
            return new ShowError(ShowError.Problem.INVALID_CLIENT, "client_id sent more than once");
        }
        Optional<String> clientId = request.clientId();
        if (clientId.isEmpty()) {
            return new ShowError(ShowError.Problem.INVALID_CLIENT, "no client_id");
        }
        if (!ClientId.isValid(clientId.get())) {
            return new ShowError(ShowError.Problem.INVALID_CLIENT, "client_id is not a client identifier");
        }
        Optional<Client> found = clients.findById(new ClientId(clientId.get()));
        if (found.isEmpty()) {
            return new ShowError(ShowError.Problem.INVALID_CLIENT, "unknown client " + clientId.get());
        }
        Client client = found.get();
        if (request.repeated().contains(REDIRECT_URI)) {
            return new ShowError(ShowError.Problem.INVALID_REDIRECT_URI, "redirect_uri sent more than once");
        }
        Optional<URI> redirect = RedirectUriRule.resolve(client.redirectUris(), request.redirectUri());
        if (redirect.isEmpty()) {
            return new ShowError(ShowError.Problem.INVALID_REDIRECT_URI, request.redirectUri().isEmpty()
                    ? "no redirect_uri, and client " + client.id() + " has " + client.redirectUris().size() + " registered"
                    : "redirect_uri is not registered for client " + client.id());
        }
        Optional<String> forbidden = redirectUris.refusal(redirect.get());
        if (forbidden.isPresent()) {
            return new ShowError(ShowError.Problem.INVALID_REDIRECT_URI, "the redirect URI registered for client "
                    + client.id() + " breaks the redirect-URI rule (" + forbidden.get() + "): fix its registration");
        }
        return validateRest(client, redirect.get(), request);
    }

    /** From here on the redirect URI is trusted: every error goes back to the client. */
    private static Validation validateRest(Client client, URI redirect, AuthorizationRequest request) {
        if (request.repeated().contains(STATE)) {
            return error(redirect, OAuthError.INVALID_REQUEST, "state sent more than once", Optional.empty());
        }
        if (request.state().filter(s -> !isValidState(s)).isPresent()) {
            return error(redirect, OAuthError.INVALID_REQUEST, "state is not 1 to " + MAX_STATE_LENGTH + " VSCHARs",
                    Optional.empty());
        }
        Optional<String> state = request.state();
        for (String name : REDIRECTED_PARAMETERS) {
            if (request.repeated().contains(name)) {
                return error(redirect, OAuthError.INVALID_REQUEST, name + " sent more than once", state);
            }
        }
        if (request.responseType().isEmpty()) {
            return error(redirect, OAuthError.INVALID_REQUEST, "no response_type", state);
        }
        if (!request.responseType().get().equals("code")) {
            return error(redirect, OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type is not code", state);
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            return error(redirect, OAuthError.UNAUTHORIZED_CLIENT,
                    "client " + client.id() + " may not use authorization_code", state);
        }
        if (request.codeChallenge().isEmpty()) {
            return error(redirect, OAuthError.INVALID_REQUEST, "no code_challenge: PKCE is required", state);
        }
        if (!request.codeChallengeMethod().map(S256::equals).orElse(false)) {
            return error(redirect, OAuthError.INVALID_REQUEST, request.codeChallengeMethod().isEmpty()
                    ? "no code_challenge_method: plain is refused, S256 is required"
                    : "code_challenge_method is not S256", state);
        }
        PkceChallenge challenge;
        try {
            challenge = new PkceChallenge(request.codeChallenge().get());
        } catch (IllegalArgumentException e) {
            return error(redirect, OAuthError.INVALID_REQUEST, "code_challenge is not 43 base64url characters", state);
        }
        Optional<ScopeSet> requested = ScopeSet.parse(request.scope().orElse(""));
        if (requested.isEmpty()) {
            return error(redirect, OAuthError.INVALID_SCOPE, "scope is not a space-delimited list of scope tokens", state);
        }
        Optional<ScopeSet> scope = ScopeResolution.resolve(client, requested.get());
        if (scope.isEmpty()) {
            return error(redirect, OAuthError.INVALID_SCOPE,
                    "client " + client.id() + " asked for " + requested.get() + " beyond " + client.allowedScopes(), state);
        }
        return new Valid(new AuthorizationContext(client.id(), redirect, challenge, scope.get(), state));
    }

    /** RFC 6749 Appendix A.5: {@code 1*VSCHAR}, VSCHAR = %x20-7E. */
    static boolean isValidState(String state) {
        return !state.isEmpty() && state.length() <= MAX_STATE_LENGTH
                && Ascii.allVschar(state);
    }

    private static RedirectError error(URI redirect, OAuthError error, String reason, Optional<String> state) {
        return new RedirectError(redirect, error, reason, state);
    }
}
