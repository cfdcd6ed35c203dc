package dev.portcullis.adapters.http.token;

import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Parsed;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.form.FormBody.Absent;
import dev.portcullis.adapters.http.form.FormBody.Repeated;
import dev.portcullis.adapters.http.form.FormBody.Single;
import dev.portcullis.adapters.http.log.LogSafe;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Extracted;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Refused;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.Grant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses a token request (RFC 6749 §3.2, §4.1.3, §4.3.2, §4.4.2, §6; RFC 7636 §4.5) at the edge:
 * form + Authorization header + issuer → one {@link TokenRequest}, or the OAuth error that refuses
 * it. Checks, first failure wins:
 * <ol>
 *   <li>a recognized parameter sent more than once → invalid_request (unrecognized ones are ignored, §3.1);</li>
 *   <li>{@code grant_type} missing → invalid_request; unknown → unsupported_grant_type;</li>
 *   <li>the grant's own parameters: a required one missing ({@code code}, {@code code_verifier};
 *       {@code username}, {@code password}; {@code refresh_token}) or malformed ({@code redirect_uri}
 *       not a URI, {@code username} not a username) → invalid_request; {@code scope} not a valid
 *       scope list → invalid_scope. Parameters a grant does not define are ignored (e.g. {@code scope}
 *       with authorization_code: the code carries its scope). An omitted {@code redirect_uri} is passed
 *       on as absent: whether that is allowed is the token endpoint's rule;</li>
 *   <li>client credentials, see {@link ClientCredentialsExtraction}.</li>
 * </ol>
 */
public final class TokenRequestParser {

    /** The grant types this parser turns into a {@link Grant}; discovery advertises no others. */
    public static final Set<GrantType> PARSED_GRANT_TYPES = EnumSet.allOf(GrantType.class);

    static final String GRANT_TYPE = "grant_type";
    static final String SCOPE = "scope";
    static final String CODE = "code";
    static final String REDIRECT_URI = "redirect_uri";
    static final String CODE_VERIFIER = "code_verifier";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String REFRESH_TOKEN = "refresh_token";

    /** Every parameter a token request may carry for the grants Portcullis knows (RFC 6749 §4, RFC 7636). */
    private static final List<String> RECOGNIZED = List.of(GRANT_TYPE, SCOPE,
            ClientCredentialsExtraction.CLIENT_ID, ClientCredentialsExtraction.CLIENT_SECRET,
            CODE, REDIRECT_URI, CODE_VERIFIER, USERNAME, PASSWORD, REFRESH_TOKEN);

    private TokenRequestParser() {
    }

    /**
     * @param authorization every Authorization header value of the request
     * @param source        the address the request comes from ({@code RequestGate.source})
     */
    public static ClientRequestParse<TokenRequest> parse(FormBody form, List<String> authorization, Issuer issuer,
                                                         String source) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(source, "source");
        Optional<ClientRequestParse<TokenRequest>> repeated = ClientRequestParse.refuseRepeated(form, RECOGNIZED);
        if (repeated.isPresent()) {
            return repeated.get();
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
                return refused.asParseFailure();
            }
            case Extracted extracted -> credentials = extracted.credentials();
        }
        return new Parsed<>(new TokenRequest(credentials, grant, issuer, source));
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
            case AUTHORIZATION_CODE -> authorizationCode(form);
            case PASSWORD -> password(form);
            case REFRESH_TOKEN -> refreshToken(form);
        };
    }

    /** RFC 6749 §4.4.2: only {@code scope}, optional; absent asks for the client's defaults. */
    private static GrantParse clientCredentials(FormBody form) {
        return withScope(form, ClientCredentialsGrant::new);
    }

    /** RFC 6749 §4.1.3 and RFC 7636 §4.5: {@code code} and {@code code_verifier} required, {@code redirect_uri} as sent. */
    private static GrantParse authorizationCode(FormBody form) {
        Optional<String> code = single(form, CODE);
        Optional<String> verifier = single(form, CODE_VERIFIER);
        if (code.isEmpty()) {
            return missing(CODE);
        }
        if (verifier.isEmpty()) {
            return missing(CODE_VERIFIER);
        }
        Optional<String> redirect = single(form, REDIRECT_URI);
        Optional<URI> redirectUri = Optional.empty();
        if (redirect.isPresent()) {
            try {
                redirectUri = Optional.of(new URI(redirect.get()));
            } catch (URISyntaxException e) {
                return new GrantRefused(OAuthError.INVALID_REQUEST, "redirect_uri " + LogSafe.quote(redirect.get()) + " is not a URI");
            }
        }
        return new GrantParsed(new AuthorizationCodeGrant(code.get(), redirectUri, verifier.get()));
    }

    /** RFC 6749 §4.3.2: {@code username} and {@code password} required, {@code scope} optional. */
    private static GrantParse password(FormBody form) {
        Optional<String> username = single(form, USERNAME);
        Optional<String> password = single(form, PASSWORD);
        if (username.isEmpty()) {
            return missing(USERNAME);
        }
        if (password.isEmpty()) {
            return missing(PASSWORD);
        }
        if (!Username.isValid(username.get())) {
            return new GrantRefused(OAuthError.INVALID_REQUEST, "username " + LogSafe.quote(username.get()) + " is not a username");
        }
        Username user = new Username(username.get());
        return withScope(form, requested -> new PasswordGrant(user, password.get(), requested));
    }

    /** RFC 6749 §6: {@code refresh_token} required, {@code scope} optional (absent: as originally granted). */
    private static GrantParse refreshToken(FormBody form) {
        Optional<String> token = single(form, REFRESH_TOKEN);
        if (token.isEmpty()) {
            return missing(REFRESH_TOKEN);
        }
        return withScope(form, requested -> new RefreshTokenGrant(token.get(), requested));
    }

    /** The optional {@code scope}: absent is the empty set; malformed is invalid_scope. */
    private static GrantParse withScope(FormBody form, Function<ScopeSet, Grant> grant) {
        return switch (form.param(SCOPE)) {
            case Absent a -> new GrantParsed(grant.apply(ScopeSet.empty()));
            case Single scope -> ScopeSet.parse(scope.value())
                    .<GrantParse>map(requested -> new GrantParsed(grant.apply(requested)))
                    .orElseGet(() -> new GrantRefused(OAuthError.INVALID_SCOPE,
                            "scope " + LogSafe.quote(scope.value()) + " is not a valid scope list"));
            case Repeated r -> new GrantRefused(OAuthError.INVALID_REQUEST, "scope repeated");
        };
    }

    /** The value of a parameter sent once; repetitions were refused before. */
    private static Optional<String> single(FormBody form, String name) {
        return form.param(name) instanceof Single single ? Optional.of(single.value()) : Optional.empty();
    }

    private static GrantRefused missing(String name) {
        return new GrantRefused(OAuthError.INVALID_REQUEST, name + " missing");
    }

    private static Failed<TokenRequest> fail(OAuthError error, String reason) {
        return new Failed<>(error, reason, false);
    }
}
