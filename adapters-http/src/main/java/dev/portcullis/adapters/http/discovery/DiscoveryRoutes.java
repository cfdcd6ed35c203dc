package dev.portcullis.adapters.http.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.DescribeServer;
import dev.portcullis.application.port.in.DescribeServer.ServerCapabilities;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.Scope;
import dev.portcullis.domain.token.Issuer;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

/**
 * Authorization server metadata (RFC 8414) at {@code GET /.well-known/oauth-authorization-server}.
 * Capabilities come from {@link DescribeServer}; the URLs are built from the request's issuer.
 *
 * <ul>
 *   <li>{@code grant_types_supported} lists only the configured grant types that the token
 *       endpoint can parse today (given by the wiring), so that a client
 *       never picks an advertised grant that answers {@code unsupported_grant_type};</li>
 *   <li>{@code response_types_supported} is REQUIRED by RFC 8414 §2: {@code ["code"]} with the
 *       authorization endpoint, which also brings {@code authorization_endpoint},
 *       {@code code_challenge_methods_supported: ["S256"]} (RFC 7636, no {@code plain}) and
 *       {@code authorization_response_iss_parameter_supported: true} (RFC 9207); {@code []} without it.</li>
 * </ul>
 */
public final class DiscoveryRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(DiscoveryRoutes.class.getName());

    private final DescribeServer describeServer;
    private final IssuerResolver issuers;
    /** The endpoints that are wired, so advertised; {@code /token} and {@code /jwks} always are. */
    private final Set<OptionalEndpoint> served;
    /** The grant types the token endpoint turns into a grant: no other is advertised. */
    private final Set<GrantType> parsedGrantTypes;

    /** Endpoints a deployment may go without. */
    public enum OptionalEndpoint { AUTHORIZATION, REVOCATION_AND_INTROSPECTION, REGISTRATION }

    public DiscoveryRoutes(DescribeServer describeServer, IssuerResolver issuers, Set<OptionalEndpoint> served,
                           Set<GrantType> parsedGrantTypes) {
        this.describeServer = Objects.requireNonNull(describeServer, "describeServer");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.served = served.isEmpty() ? EnumSet.noneOf(OptionalEndpoint.class) : EnumSet.copyOf(served);
        this.parsedGrantTypes = Set.copyOf(parsedGrantTypes);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(Paths.DISCOVERY, this::metadata)
                .any(Paths.DISCOVERY, MethodNotAllowed.allowing(Method.GET));
    }

    private void metadata(ServerRequest req, ServerResponse res) {
        issuers.varyByIssuer(res);
        Optional<Issuer> issuer = issuers.resolveOrRefuse(req, res, LOG, "discovery");
        if (issuer.isEmpty()) {
            return;
        }
        ObjectNode doc = document(issuer.get(), describeServer.capabilities(), parsedGrantTypes);
        if (served.contains(OptionalEndpoint.AUTHORIZATION)) {
            authorizationEndpoint(doc, issuer.get());
        }
        if (served.contains(OptionalEndpoint.REVOCATION_AND_INTROSPECTION)) {
            RevocationMetadata.add(doc, issuer.get(), describeServer.capabilities());
        }
        if (served.contains(OptionalEndpoint.REGISTRATION)) {
            doc.put("registration_endpoint", issuer.get().endpoint(Paths.REGISTER)); // RFC 8414 §2, RFC 7591
        }
        Json.send(res, Status.OK_200, doc);
    }

    static ObjectNode document(Issuer issuer, ServerCapabilities capabilities, Set<GrantType> parsedGrantTypes) {
        ObjectNode doc = Json.object();
        doc.put("issuer", issuer.value());
        doc.put("token_endpoint", issuer.endpoint(Paths.TOKEN));
        doc.put("jwks_uri", issuer.endpoint(Paths.JWKS));
        ArrayNode grants = doc.putArray("grant_types_supported");
        capabilities.grantTypes().stream()
                .filter(parsedGrantTypes::contains)
                .map(GrantType::wire)
                .forEach(grants::add);
        ArrayNode methods = doc.putArray("token_endpoint_auth_methods_supported");
        capabilities.tokenEndpointAuthMethods().stream().map(AuthMethod::wire).forEach(methods::add);
        ArrayNode scopes = doc.putArray("scopes_supported");
        capabilities.scopes().scopes().stream().map(Scope::value).forEach(scopes::add);
        doc.putArray("response_types_supported");
        return doc;
    }

    /** RFC 8414 §2, RFC 7636 §6.2, RFC 9207 §3. */
    static void authorizationEndpoint(ObjectNode doc, Issuer issuer) {
        doc.put("authorization_endpoint", issuer.endpoint(Paths.AUTHORIZE));
        doc.putArray("response_types_supported").add("code");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.put("authorization_response_iss_parameter_supported", true);
    }
}
