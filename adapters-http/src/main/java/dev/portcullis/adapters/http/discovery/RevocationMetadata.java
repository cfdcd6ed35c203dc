package dev.portcullis.adapters.http.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.application.port.in.DescribeServer.ServerCapabilities;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.token.Issuer;

/**
 * The RFC 8414 §2 members for revocation and introspection:
 * <ul>
 *   <li>{@code revocation_endpoint_auth_methods_supported}: the token endpoint's methods, since the
 *       client authenticates at {@code /revoke} exactly as there;</li>
 *   <li>{@code introspection_endpoint_auth_methods_supported}: the token endpoint's secret-based methods
 *       (a public client, {@code none}, proves nothing and may not introspect). Only names of the IANA
 *       "OAuth Token Endpoint Authentication Methods" registry belong here: that resource servers may also
 *       present their own access token carrying the introspection scope is documented (docs/api.md), not
 *       advertised as a made-up method name such as {@code Bearer}.</li>
 * </ul>
 */
final class RevocationMetadata {

    private RevocationMetadata() {
    }

    static void add(ObjectNode doc, Issuer issuer, ServerCapabilities capabilities) {
        doc.put("revocation_endpoint", issuer.endpoint(Paths.REVOKE));
        ArrayNode revocation = doc.putArray("revocation_endpoint_auth_methods_supported");
        capabilities.tokenEndpointAuthMethods().stream().map(AuthMethod::wire).forEach(revocation::add);
        doc.put("introspection_endpoint", issuer.endpoint(Paths.INTROSPECT));
        ArrayNode introspection = doc.putArray("introspection_endpoint_auth_methods_supported");
        capabilities.tokenEndpointAuthMethods().stream().filter(AuthMethod::usesSecret).map(AuthMethod::wire)
                .forEach(introspection::add);
    }
}
