package dev.portcullis.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3) as the edge
 * received them, unchecked. A parameter sent more than once is named in {@code repeated} and
 * has no value here.
 */
public record AuthorizationRequest(
        Optional<String> clientId,
        Optional<String> redirectUri,
        Optional<String> responseType,
        Optional<String> codeChallenge,
        Optional<String> codeChallengeMethod,
        Optional<String> scope,
        Optional<String> state,
        Set<String> repeated) {

    public static final String CLIENT_ID = "client_id";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String RESPONSE_TYPE = "response_type";
    public static final String CODE_CHALLENGE = "code_challenge";
    public static final String CODE_CHALLENGE_METHOD = "code_challenge_method";
    public static final String SCOPE = "scope";
    public static final String STATE = "state";

    public AuthorizationRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(responseType, "responseType");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(state, "state");
        repeated = Set.copyOf(repeated);
    }
}
