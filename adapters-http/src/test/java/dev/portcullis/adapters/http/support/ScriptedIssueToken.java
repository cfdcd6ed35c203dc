package dev.portcullis.adapters.http.support;

import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An {@link IssueToken} that knows one confidential client, {@value #CLIENT_ID} with secret
 * {@value #SECRET}, and issues it a token for what it asks (default scope {@code read}); any
 * other credentials are {@code invalid_client}. Tests may replace the answer, and read what arrived.
 */
public final class ScriptedIssueToken implements IssueToken {

    public static final String CLIENT_ID = "service-a";
    public static final String SECRET = "s3cret";
    public static final Duration LIFETIME = Duration.ofSeconds(900);

    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<TokenRequest, TokenResult> answer = ScriptedIssueToken::knownClientOnly;

    @Override
    public TokenResult issue(TokenRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    public void answer(Function<TokenRequest, TokenResult> answer) {
        this.answer = answer;
    }

    public void reset() {
        requests.clear();
        answer = ScriptedIssueToken::knownClientOnly;
    }

    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    public TokenRequest lastRequest() {
        return requests.getLast();
    }

    public static TokenResult knownClientOnly(TokenRequest request) {
        var credentials = request.credentials();
        boolean known = credentials.clientId().value().equals(CLIENT_ID)
                && credentials.secret().filter(SECRET::equals).isPresent();
        if (!known) {
            return new TokenResult.Rejected(OAuthError.INVALID_CLIENT, "unknown client or wrong secret");
        }
        return issued(request, Optional.empty());
    }

    public static TokenResult issued(TokenRequest request, Optional<String> refreshToken) {
        ScopeSet requested = switch (request.grant()) {
            case ClientCredentialsGrant g -> g.requested();
            case PasswordGrant g -> g.requested();
            case RefreshTokenGrant g -> g.requested();
            case AuthorizationCodeGrant g -> ScopeSet.empty();
        };
        ScopeSet scope = requested.isEmpty() ? ScopeSet.of("read") : requested;
        return new TokenResult.Issued(Tokens.signed(request.issuer(), request.credentials().clientId().value(), scope),
                LIFETIME, scope, refreshToken);
    }
}
