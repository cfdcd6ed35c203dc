package dev.portcullis.adapters.http.revocation;

import dev.portcullis.adapters.http.clientauth.ClientRequestParse;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Parsed;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.adapters.http.form.FormBody.Single;
import dev.portcullis.adapters.http.form.TokenParameters;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Extracted;
import dev.portcullis.adapters.http.clientauth.ClientCredentialsExtraction.Refused;
import dev.portcullis.application.port.in.RevokeToken.RevocationRequest;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import java.util.List;
import java.util.Optional;

/**
 * Parses a revocation request (RFC 7009 §2.1): form + Authorization header → one
 * {@link RevocationRequest}, or the OAuth error that refuses it. First failure wins:
 * <ol>
 *   <li>{@code token}, {@code token_type_hint}, {@code client_id} or {@code client_secret} repeated → invalid_request;</li>
 *   <li>client credentials exactly as at the token endpoint ({@link ClientCredentialsExtraction});</li>
 *   <li>{@code token} missing → invalid_request.</li>
 * </ol>
 * A {@code token_type_hint} this server does not know is ignored (§2.1: the server searches every type anyway).
 */
public final class RevocationRequestParser {

    private static final List<String> RECOGNIZED = List.of(TokenParameters.TOKEN, TokenParameters.TOKEN_TYPE_HINT,
            ClientCredentialsExtraction.CLIENT_ID, ClientCredentialsExtraction.CLIENT_SECRET);

    private RevocationRequestParser() {
    }

    /** @param authorization every Authorization header value of the request */
    public static ClientRequestParse<RevocationRequest> parse(FormBody form, List<String> authorization) {
        Optional<ClientRequestParse<RevocationRequest>> repeated = ClientRequestParse.refuseRepeated(form, RECOGNIZED);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        PresentedCredentials credentials;
        switch (ClientCredentialsExtraction.extract(authorization, form)) {
            case Refused refused -> {
                return refused.asParseFailure();
            }
            case Extracted extracted -> credentials = extracted.credentials();
        }
        if (!(form.param(TokenParameters.TOKEN) instanceof Single token)) {
            return new Failed<>(OAuthError.INVALID_REQUEST, "token missing", false);
        }
        return new Parsed<>(new RevocationRequest(credentials, token.value(), TokenParameters.hint(form)));
    }
}
