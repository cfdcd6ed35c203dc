package dev.portcullis.adapters.http.token;

import dev.portcullis.adapters.http.edge.FormBody;
import dev.portcullis.adapters.http.edge.FormBody.Absent;
import dev.portcullis.adapters.http.edge.FormBody.Repeated;
import dev.portcullis.adapters.http.edge.FormBody.Single;
import dev.portcullis.adapters.http.edge.LogSafe;
import dev.portcullis.adapters.http.token.ClientCredentialsExtraction.Extracted;
import dev.portcullis.adapters.http.token.ClientCredentialsExtraction.Refused;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.Grant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a token request (RFC 6749 §3.2, §4.4.2) at the edge: form + Authorization header +
 * issuer → one {@link TokenRequest}, or the OAuth error that refuses it. Checks, first failure wins:
 * <ol>
 *   <li>a recognized parameter sent more than once → invalid_request (unrecognized ones are ignored, §3.1);</li>
 *   <li>{@code grant_type} missing → invalid_request; unknown, or known but not parsed here yet
 *       ({@code authorization_code}, {@code password}, {@code refresh_token}) → unsupported_grant_type;</li>
 *   <li>{@code scope} not a valid scope list → invalid_scope;</li>
 *   <li>client credentials, see {@link ClientCredentialsExtraction}.</li>
 * </ol>
 */
public final class TokenRequestParser {

    /** The grant types this parser turns into a {@link Grant}; discovery advertises no others. */
    public static final Set<GrantType> PARSED_GRANT_TYPES = EnumSet.of(GrantType.CLIENT_CREDENTIALS);

    static final String GRANT_TYPE = "grant_type";
    static final String SCOPE = "scope";

    /** Every parameter a token request may carry for the grants Portcullis knows (RFC 6749 §4, RFC 7636). */
    private static final List<String> RECOGNIZED = List.of(GRANT_TYPE, SCOPE,
            ClientCredentialsExtraction.CLIENT_ID, ClientCredentialsExtraction.CLIENT_SECRET,
            "code", "redirect_uri", "code_verifier", "username", "password", "refresh_token");

    private TokenRequestParser() {
    }

    public sealed interface Outcome {
    }

    public record Parsed(TokenRequest request) implements Outcome {
        public Parsed {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * @param reason         for the log only
     * @param challengeBasic whether a 401 must carry {@code WWW-Authenticate: Basic}
     */
    public record Failed(OAuthError error, String reason, boolean challengeBasic) implements Outcome {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @param authorization every Authorization header value of the request */
    public static Outcome parse(FormBody form, List<String> authorization, Issuer issuer) {
        Objects.requireNonNull(issuer, "issuer");
        for (String name : RECOGNIZED) {
            if (form.param(name) instanceof Repeated) {
                return fail(OAuthError.INVALID_REQUEST, "parameter " + name + " repeated");
            }
        }
        Grant grant;
        switch (parseGrant(form)) {
            case GrantRefused refused -> {
                return fail(refused.error(), refused.reason());
            }
            case GrantParsed parsed -> grant = parsed.grant();
        }
        PresentedCredentials credentials;
        switch (ClientCredentialsExtraction.extract(authorization, form)) {
            case Refused refused -> {
                return new Failed(refused.error(), refused.reason(), refused.challengeBasic());
            }
            case Extracted extracted -> credentials = extracted.credentials();
        }
        return new Parsed(new TokenRequest(credentials, grant, issuer));
    }

    private sealed interface GrantParse {
    }

    private record GrantParsed(Grant grant) implements GrantParse {
    }

    private record GrantRefused(OAuthError error, String reason) implements GrantParse {
    }

    private static GrantParse parseGrant(FormBody form) {
        if (!(form.param(GRANT_TYPE) instanceof Single grantType)) {
            return new GrantRefused(OAuthError.INVALID_REQUEST, "grant_type missing");
        }
        Optional<GrantType> known = GrantType.fromWire(grantType.value());
        if (known.isEmpty()) {
            return new GrantRefused(OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "unknown grant_type " + LogSafe.quote(grantType.value()));
        }
        return switch (known.get()) {
            case CLIENT_CREDENTIALS -> clientCredentials(form);
            case AUTHORIZATION_CODE, PASSWORD, REFRESH_TOKEN -> new GrantRefused(OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "grant_type " + known.get().wire() + " is not served by the token endpoint yet");
        };
    }

    /** RFC 6749 §4.4.2: only {@code scope}, optional; absent asks for the client's defaults. */
    private static GrantParse clientCredentials(FormBody form) {
        return switch (form.param(SCOPE)) {
            case Absent a -> new GrantParsed(new ClientCredentialsGrant(ScopeSet.empty()));
            case Single scope -> ScopeSet.parse(scope.value())
                    .<GrantParse>map(requested -> new GrantParsed(new ClientCredentialsGrant(requested)))
                    .orElseGet(() -> new GrantRefused(OAuthError.INVALID_SCOPE,
                            "scope " + LogSafe.quote(scope.value()) + " is not a valid scope list"));
            case Repeated r -> new GrantRefused(OAuthError.INVALID_REQUEST, "scope repeated");
        };
    }

    private static Failed fail(OAuthError error, String reason) {
        return new Failed(error, reason, false);
    }
}
