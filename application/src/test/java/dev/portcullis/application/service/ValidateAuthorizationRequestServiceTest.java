package dev.portcullis.application.service;

import static dev.portcullis.application.service.AuthorizationRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.in.AuthorizationContext;
import dev.portcullis.application.port.in.RedirectError;
import dev.portcullis.application.port.in.ShowError;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest.Valid;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest.Validation;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.Clients;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.client.RedirectUriPolicy;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateAuthorizationRequestServiceTest {

    private static final URI CALLBACK = URI.create("https://app.example/callback");

    private final MapClientRepository clients = new MapClientRepository();
    private final ValidateAuthorizationRequestService service = new ValidateAuthorizationRequestService(clients, RedirectUriPolicy.STRICT);

    @BeforeEach
    void registerClients() {
        clients.save(Clients.publicClient("spa")
                .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN))
                .redirectUris(List.of(CALLBACK, URI.create("https://app.example/other"), URI.create("http://127.0.0.1/cb")))
                .allowedScopes(ScopeSet.of("read", "write"))
                .defaultScopes(ScopeSet.of("read"))
                .build());
        clients.save(Clients.publicClient("one-uri").allowedScopes(ScopeSet.of("read")).build());
        clients.save(Clients.confidential("service").allowedScopes(ScopeSet.of("read"))
                .redirectUris(List.of(CALLBACK)).build());
    }

    private Validation validate(AuthorizationRequests request) {
        return service.validate(request.build());
    }

    private static void assertShown(Validation validation, ShowError.Problem problem) {
        assertThat(validation).isInstanceOfSatisfying(ShowError.class, shown -> assertThat(shown.problem()).isEqualTo(problem));
    }

    private static RedirectError assertRedirected(Validation validation, OAuthError error) {
        assertThat(validation).isInstanceOf(RedirectError.class);
        RedirectError redirect = (RedirectError) validation;
        assertThat(redirect.error()).isEqualTo(error);
        assertThat(redirect.redirectUri()).isEqualTo(CALLBACK);
        return redirect;
    }

    // --- valid requests

    @Test
    void aValidRequestYieldsItsContext() {
        assertThat(validate(valid())).isEqualTo(new Valid(new AuthorizationContext(new ClientId("spa"), CALLBACK,
                new dev.portcullis.domain.code.PkceChallenge(AuthorizationRequests.CHALLENGE), ScopeSet.of("read"),
                Optional.of("xyz"))));
    }

    @Test
    void withoutScopeTheClientsDefaultScopesAreGranted() {
        assertThat(validate(valid().without("scope").with("state", "s"))).isInstanceOfSatisfying(Valid.class,
                v -> assertThat(v.context().scope()).isEqualTo(ScopeSet.of("read")));
    }

    @Test
    void stateIsOptional() {
        assertThat(validate(valid().without("state"))).isInstanceOfSatisfying(Valid.class,
                v -> assertThat(v.context().state()).isEmpty());
    }

    @Test
    void aLoopbackRedirectUriMayNameAnyPortAndKeepsIt() {
        assertThat(validate(valid().with("redirect_uri", "http://127.0.0.1:53124/cb"))).isInstanceOfSatisfying(Valid.class,
                v -> assertThat(v.context().redirectUri()).isEqualTo(URI.create("http://127.0.0.1:53124/cb")));
    }

    @Test
    void aClientWithOneRegisteredUriMayOmitRedirectUri() {
        assertThat(validate(valid().with("client_id", "one-uri").without("redirect_uri"))).isInstanceOfSatisfying(Valid.class,
                v -> assertThat(v.context().redirectUri()).isEqualTo(CALLBACK));
    }

    @Test
    void aConfidentialClientMayUseTheCodeFlowTooWhenRegisteredForIt() {
        clients.save(Clients.confidential("web").grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE))
                .redirectUris(List.of(CALLBACK)).allowedScopes(ScopeSet.of("read")).build());

        assertThat(validate(valid().with("client_id", "web"))).isInstanceOf(Valid.class);
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(validate(valid().repeated("nonce").repeated("response_mode"))).isInstanceOf(Valid.class);
    }

    @Test
    void aStateOfVisibleAsciiAndSpacesUpToTheLimitIsEchoed() {
        String state = " !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~".repeat(40).substring(0, 1024);

        assertThat(validate(valid().with("state", state))).isInstanceOfSatisfying(Valid.class,
                v -> assertThat(v.context().state()).contains(state));
    }

    // --- shown, never redirected

    @Test
    void aMissingClientIdIsShown() {
        assertShown(validate(valid().without("client_id")), ShowError.Problem.INVALID_CLIENT);
    }

    @Test
    void anUnknownClientIsShown() {
        assertShown(validate(valid().with("client_id", "nobody")), ShowError.Problem.INVALID_CLIENT);
    }

    @Test
    void aMalformedClientIdIsShown() {
        assertShown(validate(valid().with("client_id", "spa\u0000")), ShowError.Problem.INVALID_CLIENT);
    }

    @Test
    void aRepeatedClientIdIsShown() {
        assertShown(validate(valid().repeated("client_id")), ShowError.Problem.INVALID_CLIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/callback", "https://app.example/callback/x", "https://app.example/callback?x=1",
            "https://app.example/callback#f", "https://app.example@evil.example/callback", "http://127.0.0.1@evil.com/cb",
            "not a uri", "/callback"})
    void anUnregisteredRedirectUriIsShown(String redirectUri) {
        assertShown(validate(valid().with("redirect_uri", redirectUri)), ShowError.Problem.INVALID_REDIRECT_URI);
    }

    @Test
    void aRepeatedRedirectUriIsShown() {
        assertShown(validate(valid().repeated("redirect_uri")), ShowError.Problem.INVALID_REDIRECT_URI);
    }

    @Test
    void anOmittedRedirectUriIsShownWhenTheClientRegisteredSeveral() {
        assertShown(validate(valid().without("redirect_uri")), ShowError.Problem.INVALID_REDIRECT_URI);
    }

    @Test
    void theClientIsCheckedBeforeAnythingElse() {
        assertShown(validate(valid().with("client_id", "nobody").with("response_type", "token").without("code_challenge")),
                ShowError.Problem.INVALID_CLIENT);
        assertShown(validate(valid().with("redirect_uri", "https://evil.example/").with("response_type", "token")),
                ShowError.Problem.INVALID_REDIRECT_URI);
    }

    // --- redirected with an error

    @Test
    void aMissingResponseTypeIsInvalidRequest() {
        RedirectError error = assertRedirected(validate(valid().without("response_type")), OAuthError.INVALID_REQUEST);
        assertThat(error.state()).contains("xyz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "code token", "id_token", "CODE", "code "})
    void anyResponseTypeButCodeIsUnsupported(String responseType) {
        assertRedirected(validate(valid().with("response_type", responseType)), OAuthError.UNSUPPORTED_RESPONSE_TYPE);
    }

    @Test
    void aClientWithoutTheCodeGrantIsUnauthorized() {
        assertRedirected(validate(valid().with("client_id", "service")), OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void aMissingCodeChallengeIsInvalidRequest() {
        assertRedirected(validate(valid().without("code_challenge")), OAuthError.INVALID_REQUEST);
    }

    @Test
    void aMissingMethodMeansPlainAndIsRefused() {
        assertRedirected(validate(valid().without("code_challenge_method")), OAuthError.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "s256", "S512", "S256 "})
    void anyMethodButS256IsRefused(String method) {
        assertRedirected(validate(valid().with("code_challenge_method", method)), OAuthError.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cMx",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw=cM"})
    void aMalformedCodeChallengeIsInvalidRequest(String challenge) {
        assertRedirected(validate(valid().with("code_challenge", challenge)), OAuthError.INVALID_REQUEST);
    }

    @Test
    void aScopeBeyondTheClientsIsInvalidScope() {
        assertRedirected(validate(valid().with("scope", "read admin")), OAuthError.INVALID_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read  write", " read", "read ", "re\"ad", "read\twrite"})
    void aMalformedScopeIsInvalidScope(String scope) {
        assertRedirected(validate(valid().with("scope", scope)), OAuthError.INVALID_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"response_type", "code_challenge", "code_challenge_method", "scope"})
    void aRepeatedParameterIsInvalidRequestWithTheState(String name) {
        RedirectError error = assertRedirected(validate(valid().repeated(name)), OAuthError.INVALID_REQUEST);
        assertThat(error.state()).contains("xyz");
    }

    @Test
    void aRepeatedStateIsInvalidRequestWithoutAState() {
        RedirectError error = assertRedirected(validate(valid().repeated("state")), OAuthError.INVALID_REQUEST);
        assertThat(error.state()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "a\nb", "tab\there", "\u007f"})
    void aStateOutsideVisibleAsciiIsInvalidRequestAndNotEchoed(String state) {
        RedirectError error = assertRedirected(validate(valid().with("state", state)), OAuthError.INVALID_REQUEST);
        assertThat(error.state()).isEmpty();
    }

    @Test
    void anOverlongStateIsInvalidRequestAndNotEchoed() {
        RedirectError error = assertRedirected(validate(valid().with("state", "s".repeat(1025))), OAuthError.INVALID_REQUEST);
        assertThat(error.state()).isEmpty();
    }

    @Test
    void anErrorGoesToTheLoopbackUriWithThePortSent() {
        Validation validation = validate(valid().with("redirect_uri", "http://127.0.0.1:4711/cb").with("response_type", "token"));

        assertThat(validation).isInstanceOfSatisfying(RedirectError.class,
                e -> assertThat(e.redirectUri()).isEqualTo(URI.create("http://127.0.0.1:4711/cb")));
    }

    // --- failure is not an answer

    @Test
    void aStoreOutageIsAFailureNotAnUnknownClient() {
        MapClientRepository down = new MapClientRepository() {
            @Override
            public Optional<dev.portcullis.domain.client.Client> findById(ClientId id) {
                throw new BackendUnavailableException("clients", null);
            }
        };

        assertThatThrownBy(() -> new ValidateAuthorizationRequestService(down, RedirectUriPolicy.STRICT).validate(valid().build()))
                .isInstanceOf(BackendUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "data:text/html,x", "http://app.example/cb",
            "http://localhost/cb", "https://user@app.example/cb"})
    void aStoredRedirectUriThatBreaksTheRuleIsShownAsAnErrorNeverRedirectedTo(String stored) {
        clients.save(Clients.publicClient("legacy").redirectUris(List.of(URI.create(stored))).build());

        Validation sent = validate(valid().with("client_id", "legacy").with("redirect_uri", stored));
        assertShown(sent, ShowError.Problem.INVALID_REDIRECT_URI);
        assertThat(((ShowError) sent).reason()).contains("breaks the redirect-URI rule");
        assertShown(validate(valid().with("client_id", "legacy").without("redirect_uri")), ShowError.Problem.INVALID_REDIRECT_URI);
        assertShown(validate(valid().with("client_id", "legacy").with("redirect_uri", stored).with("response_type", "token")),
                ShowError.Problem.INVALID_REDIRECT_URI);
    }

    @Test
    void theDevRuleStillFollowsAStoredLocalhostUri() {
        clients.save(Clients.publicClient("dev-spa").redirectUris(List.of(URI.create("http://localhost/cb")))
                .allowedScopes(ScopeSet.of("read")).build());
        ValidateAuthorizationRequestService dev = new ValidateAuthorizationRequestService(clients, RedirectUriPolicy.DEV);

        assertThat(dev.validate(valid().with("client_id", "dev-spa").with("redirect_uri", "http://localhost:4711/cb").build()))
                .isInstanceOf(Valid.class);
        assertShown(validate(valid().with("client_id", "dev-spa").with("redirect_uri", "http://localhost:4711/cb")),
                ShowError.Problem.INVALID_REDIRECT_URI);
    }
}
