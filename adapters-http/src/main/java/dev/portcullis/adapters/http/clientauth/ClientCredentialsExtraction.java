package dev.portcullis.adapters.http.clientauth;

import dev.portcullis.adapters.http.clientauth.ClientRequestParse.Failed;
import dev.portcullis.adapters.http.form.FormBody.Absent;
import dev.portcullis.adapters.http.form.FormBody.Param;
import dev.portcullis.adapters.http.form.FormBody.Repeated;
import dev.portcullis.adapters.http.form.FormBody.Single;
import dev.portcullis.adapters.http.form.FormBody;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import java.util.List;
import java.util.Objects;

/**
 * Turns every way a client can present credentials into ONE {@link PresentedCredentials}
 * (the equivalent of RESTHeart's FormDataToBasicAuthInterceptor), so that one authenticator
 * serves every flow:
 *
 * <table>
 *   <caption>what the client sent → what the application sees</caption>
 *   <tr><td>{@code Authorization: Basic} (+ optional form {@code client_id} equal to it)</td><td>client_secret_basic</td></tr>
 *   <tr><td>form {@code client_id} + {@code client_secret}</td><td>client_secret_post</td></tr>
 *   <tr><td>form {@code client_id} alone</td><td>none (public client)</td></tr>
 *   <tr><td>nothing</td><td>invalid_client, 401 with a Basic challenge</td></tr>
 *   <tr><td>Basic and a form {@code client_secret}; Basic and a different form {@code client_id};
 *       {@code client_secret} without {@code client_id}; a repeated field; two Authorization headers</td>
 *       <td>invalid_request</td></tr>
 *   <tr><td>malformed Basic (bad base64, no colon, bad escapes); a client_id that is not
 *       VSCHAR 1..255</td><td>invalid_request: syntax, not authentication</td></tr>
 *   <tr><td>another scheme (e.g. {@code Bearer})</td><td>invalid_client, 401 with a Basic challenge:
 *       an unsupported authentication method (RFC 6749 §5.2)</td></tr>
 * </table>
 */
public final class ClientCredentialsExtraction {

    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";

    private ClientCredentialsExtraction() {
    }

    public sealed interface Extraction {
    }

    public record Extracted(PresentedCredentials credentials) implements Extraction {
        public Extracted {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /**
     * @param reason         for the log; never holds a secret
     * @param challengeBasic whether a 401 must carry {@code WWW-Authenticate: Basic}: the client
     *                       tried the Authorization header, or sent no credentials at all
     */
    public record Refused(OAuthError error, String reason, boolean challengeBasic) implements Extraction {
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(reason, "reason");
        }

        /** The same refusal as the answer of a request parser. */
        public <T> Failed<T> asParseFailure() {
            return new Failed<>(error, reason, challengeBasic);
        }
    }

    /** @param authorization every Authorization header value of the request, as received */
    public static Extraction extract(List<String> authorization, FormBody form) {
        if (authorization.size() > 1) {
            return invalidRequest("more than one Authorization header");
        }
        Param formId = form.param(CLIENT_ID);
        Param formSecret = form.param(CLIENT_SECRET);
        if (!form.repeated(List.of(CLIENT_ID, CLIENT_SECRET)).isEmpty()) {
            return invalidRequest("client_id or client_secret repeated");
        }
        if (authorization.size() == 1) {
            if (formSecret instanceof Single) {
                return invalidRequest("two client authentication methods: Authorization header and client_secret");
            }
            return fromHeader(authorization.getFirst(), formId);
        }
        return switch (formId) {
            case Absent a when formSecret instanceof Single -> invalidRequest("client_secret without client_id");
            case Absent a -> new Refused(OAuthError.INVALID_CLIENT, "no client credentials", true);
            case Single id when !ClientId.isValid(id.value()) -> invalidRequest("form client_id is not a valid client_id");
            case Single id -> new Extracted(switch (formSecret) {
                case Single secret -> PresentedCredentials.post(new ClientId(id.value()), secret.value());
                default -> PresentedCredentials.publicClient(new ClientId(id.value()));
            });
            case Repeated r -> invalidRequest("client_id repeated");
        };
    }

    private static Extraction fromHeader(String authorization, Param formId) {
        return switch (BasicCredentials.parse(authorization)) {
            case BasicCredentials.OtherScheme o ->
                    new Refused(OAuthError.INVALID_CLIENT, "Authorization header with a scheme other than Basic", true);
            case BasicCredentials.Malformed m -> invalidRequest(m.reason());
            case BasicCredentials.Found found -> {
                String id = found.credentials().clientId();
                if (!ClientId.isValid(id)) {
                    yield invalidRequest("client_id in Basic credentials is not a valid client_id");
                }
                if (formId instanceof Single single && !single.value().equals(id)) {
                    yield invalidRequest("form client_id differs from the Basic credentials' client_id");
                }
                yield new Extracted(PresentedCredentials.basic(new ClientId(id), found.credentials().secret()));
            }
        };
    }

    private static Refused invalidRequest(String reason) {
        return new Refused(OAuthError.INVALID_REQUEST, reason, false);
    }
}
