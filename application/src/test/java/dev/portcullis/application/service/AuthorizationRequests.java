package dev.portcullis.application.service;

import dev.portcullis.application.port.in.AuthorizationRequest;
import dev.portcullis.domain.code.PkceChallenge;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Authorization requests for tests: {@code AuthorizationRequests.valid().without("state").build()}. */
final class AuthorizationRequests {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = PkceChallenge.fromVerifier(VERIFIER).value();

    private final Map<String, String> params = new LinkedHashMap<>();
    private final Set<String> repeated = new HashSet<>();

    private AuthorizationRequests() {
    }

    /** A valid request of client {@code spa} for {@code https://app.example/callback}, scope read, state xyz. */
    static AuthorizationRequests valid() {
        return new AuthorizationRequests()
                .with("client_id", "spa")
                .with("redirect_uri", "https://app.example/callback")
                .with("response_type", "code")
                .with("code_challenge", CHALLENGE)
                .with("code_challenge_method", "S256")
                .with("scope", "read")
                .with("state", "xyz");
    }

    AuthorizationRequests with(String name, String value) {
        params.put(name, value);
        repeated.remove(name);
        return this;
    }

    AuthorizationRequests without(String name) {
        params.remove(name);
        return this;
    }

    AuthorizationRequests repeated(String name) {
        params.remove(name);
        repeated.add(name);
        return this;
    }

    AuthorizationRequest build() {
        return new AuthorizationRequest(get("client_id"), get("redirect_uri"), get("response_type"),
                get("code_challenge"), get("code_challenge_method"), get("scope"), get("state"), repeated);
    }

    private Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name));
    }
}
