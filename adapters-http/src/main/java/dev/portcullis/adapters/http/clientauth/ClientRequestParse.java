package dev.portcullis.adapters.http.clientauth;

import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.domain.error.OAuthError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the parser of a request from a client that authenticates ({@code /token}, {@code /revoke},
 * {@code /introspect}) made of it: the use case's request, or the RFC 6749 §5.2 error to answer.
 *
 * @param <T> the use case's request type
 */
public sealed interface ClientRequestParse<T> {

    /** {@code invalid_request} naming the first of {@code recognized} the form repeats; empty when none is. */
    static <T> Optional<ClientRequestParse<T>> refuseRepeated(FormBody form, List<String> recognized) {
        return form.repeated(recognized).stream().findFirst()
                .map(name -> new Failed<>(OAuthError.INVALID_REQUEST, "parameter " + name + " repeated", false));
    }

    record Parsed<T>(T request) implements ClientRequestParse<T> {
        public Parsed {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * @param reason         for the log only
     * @param challengeBasic whether a 401 must carry {@code WWW-Authenticate: Basic}
     */
    record Failed<T>(OAuthError error, String reason, boolean challengeBasic) implements ClientRequestParse<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
