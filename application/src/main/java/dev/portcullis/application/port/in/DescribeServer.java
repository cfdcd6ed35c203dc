package dev.portcullis.application.port.in;

import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.List;
import java.util.Set;

/** Authorization server metadata (RFC 8414) as far as it is not a URL: the edge adds the endpoints. */
public interface DescribeServer {

    ServerCapabilities capabilities();

    record ServerCapabilities(
            List<GrantType> grantTypes,
            List<AuthMethod> tokenEndpointAuthMethods,
            ScopeSet scopes,
            Set<SigningAlgorithm> signingAlgorithms) {
        public ServerCapabilities {
            grantTypes = List.copyOf(grantTypes);
            tokenEndpointAuthMethods = List.copyOf(tokenEndpointAuthMethods);
            signingAlgorithms = Set.copyOf(signingAlgorithms);
        }
    }
}
