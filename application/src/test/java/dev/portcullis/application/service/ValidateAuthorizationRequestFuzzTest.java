package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.application.port.in.AuthorizationRequest;
import dev.portcullis.application.port.in.RedirectError;
import dev.portcullis.application.port.in.ShowError;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest.Valid;
import dev.portcullis.application.port.in.ValidateAuthorizationRequest.Validation;
import dev.portcullis.application.port.out.contract.Clients;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization-request validator on arbitrary parameters. It never throws, and it never
 * sends the browser anywhere but to a registered redirect URI (a loopback one with any port,
 * RFC 8252 §7.3): no open redirect, whatever the input. Corpus files hold the parameters one per
 * line: client_id, redirect_uri, response_type, code_challenge, code_challenge_method, scope,
 * state, then the repeated names comma-separated; an empty line is an absent parameter.
 * {@code mvn verify} replays the committed corpus; fuzz longer with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl application -am test -Dtest=ValidateAuthorizationRequestFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ValidateAuthorizationRequestFuzzTest {

    private static final List<URI> REGISTERED = List.of(URI.create("https://app.example/callback"),
            URI.create("http://127.0.0.1/cb"));
    private static final ValidateAuthorizationRequestService SERVICE;

    static {
        MapClientRepository clients = new MapClientRepository();
        clients.save(Clients.publicClient("spa").grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE))
                .redirectUris(REGISTERED).allowedScopes(ScopeSet.of("read", "write")).defaultScopes(ScopeSet.of("read")).build());
        clients.save(Clients.publicClient("one").grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE))
                .redirectUris(List.of(URI.create("https://one.example/cb"))).allowedScopes(ScopeSet.of("read")).build());
        SERVICE = new ValidateAuthorizationRequestService(clients, dev.portcullis.domain.client.RedirectUriPolicy.STRICT);
    }

    @FuzzTest(maxDuration = "60s")
    void neverThrowsAndNeverRedirectsOffTheRegisteredUris(FuzzedDataProvider data) {
        String[] lines = Arrays.copyOf(data.consumeRemainingAsString().split("\n", 8), 8);
        Set<String> repeated = lines[7] == null || lines[7].isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(lines[7].split(",")));
        AuthorizationRequest request = new AuthorizationRequest(p(lines[0]), p(lines[1]), p(lines[2]), p(lines[3]), p(lines[4]),
                p(lines[5]), p(lines[6]), repeated);

        Validation validation = SERVICE.validate(request);

        switch (validation) {
            case ShowError shown -> assertThat(shown.problem()).isNotNull();
            case RedirectError redirect -> {
                assertRegistered(redirect.redirectUri());
                redirect.state().ifPresent(s -> assertThat(s).isEqualTo(lines[6]));
            }
            case Valid valid -> {
                assertRegistered(valid.context().redirectUri());
                assertThat(request.responseType()).contains("code");
                assertThat(valid.context().challenge().value()).hasSize(43);
                assertThat(ScopeSet.of("read", "write").containsAll(valid.context().scope())).isTrue();
                valid.context().state().ifPresent(s -> assertThat(s.length()).isLessThanOrEqualTo(
                        ValidateAuthorizationRequestService.MAX_STATE_LENGTH));
                assertThat(repeated).doesNotContain("client_id", "redirect_uri", "response_type", "code_challenge", "state");
            }
        }
    }

    private static Optional<String> p(String line) {
        return line == null || line.isEmpty() ? Optional.empty() : Optional.of(line);
    }

    /** Registered exactly, or a registered loopback URI with another port: same scheme, host, path; no userinfo, no fragment. */
    private static void assertRegistered(URI uri) {
        List<URI> all = new java.util.ArrayList<>(REGISTERED);
        all.add(URI.create("https://one.example/cb"));
        boolean ok = all.stream().anyMatch(r -> r.equals(uri) || (r.getHost().equals("127.0.0.1")
                && "http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost()) && r.getRawPath().equals(uri.getRawPath())
                && uri.getRawUserInfo() == null && uri.getRawFragment() == null && uri.getRawQuery() == null));
        assertThat(ok).as("redirects to %s", uri).isTrue();
    }
}
