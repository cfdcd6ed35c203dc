package dev.portcullis.adapters.http.introspection;

import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Parsed;
import dev.portcullis.adapters.http.bearer.BearerToken;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.form.FormBody.Absent;
import dev.portcullis.adapters.http.form.FormBody.Single;
import dev.portcullis.adapters.http.form.TokenParameters;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Extracted;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Refused;
import dev.portcullis.application.port.in.IntrospectToken.Caller;
import dev.portcullis.application.port.in.IntrospectToken.IntrospectionRequest;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.token.Issuer;
import java.util.List;
import java.util.Optional;

/**
 * Parses an introspection request (RFC 7662 §2.1). First failure wins:
 * <ol>
 *   <li>{@code token}, {@code token_type_hint}, {@code client_id} or {@code client_secret} repeated → invalid_request;</li>
 *   <li>the caller: {@code Authorization: Bearer} is a resource server's own access token (with no client
 *       credentials in the form besides: two methods are invalid_request); anything else is client
 *       authentication exactly as at the token endpoint ({@link ClientCredentialsExtraction});</li>
 *   <li>{@code token} missing → invalid_request.</li>
 * </ol>
 */
public final class IntrospectionRequestParser {

    private static final List<String> RECOGNIZED = List.of(TokenParameters.TOKEN,
            TokenParameters.TOKEN_TYPE_HINT, ClientCredentialsExtraction.CLIENT_ID,
            ClientCredentialsExtraction.CLIENT_SECRET);

    private IntrospectionRequestParser() {
    }

    public static ClientRequestParse<IntrospectionRequest> parse(FormBody form, List<String> authorization, Issuer issuer) {
        Optional<ClientRequestParse<IntrospectionRequest>> repeated = ClientRequestParse.refuseRepeated(form, RECOGNIZED);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        Caller caller;
        switch (BearerToken.parse(authorization)) {
            case BearerToken.Present bearer -> {
                if (!(form.param(ClientCredentialsExtraction.CLIENT_ID) instanceof Absent)
                        || !(form.param(ClientCredentialsExtraction.CLIENT_SECRET) instanceof Absent)) {
                    return new Failed<>(OAuthError.INVALID_REQUEST, "two authentication methods: Bearer and form credentials", false);
                }
                caller = new Caller.BearerCaller(bearer.token());
            }
            case BearerToken.Malformed malformed when isBearer(authorization) -> {
                return new Failed<>(OAuthError.INVALID_REQUEST, malformed.reason(), false);
            }
            default -> {
                switch (ClientCredentialsExtraction.extract(authorization, form)) {
                    case Refused refused -> {
                        return refused.asParseFailure();
                    }
                    case Extracted extracted -> caller = new Caller.ClientCaller(extracted.credentials());
                }
            }
        }
        if (!(form.param(TokenParameters.TOKEN) instanceof Single token)) {
            return new Failed<>(OAuthError.INVALID_REQUEST, "token missing", false);
        }
        return new Parsed<>(new IntrospectionRequest(caller, token.value(), TokenParameters.hint(form), issuer));
    }

    /** A single Authorization header whose scheme is Bearer: its malformations are the bearer's, not Basic's. */
    private static boolean isBearer(List<String> authorization) {
        if (authorization.size() != 1) {
            return false;
        }
        String value = authorization.getFirst().strip();
        return value.regionMatches(true, 0, "Bearer", 0, 6) && (value.length() == 6 || value.charAt(6) == ' ');
    }
}
