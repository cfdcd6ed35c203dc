package dev.portcullis.adapters.http.form;

import dev.portcullis.adapters.http.form.FormBody.Single;
import dev.portcullis.domain.token.TokenTypeHint;
import java.util.Optional;

/**
 * The form parameters that name the token a request is about, the same at {@code /revoke} (RFC 7009 §2.1)
 * and {@code /introspect} (RFC 7662 §2.1): {@code token} and {@code token_type_hint}.
 */
public final class TokenParameters {

    public static final String TOKEN = "token";
    public static final String TOKEN_TYPE_HINT = "token_type_hint";

    private TokenParameters() {
    }

    /** The hint, if it is one this server knows: an unknown one is ignored (the server searches every type anyway). */
    public static Optional<TokenTypeHint> hint(FormBody form) {
        return form.param(TOKEN_TYPE_HINT) instanceof Single hint ? TokenTypeHint.fromWire(hint.value()) : Optional.empty();
    }
}
