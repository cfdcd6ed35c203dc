package dev.portcullis.application.service;

import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.Grant;
import java.util.List;
import java.util.Optional;

/** One rule a grant must pass for a client; the first rejection wins. */
@FunctionalInterface
public interface GrantPolicy {

    Optional<Rejected> check(Client client, Grant grant);

    /** RFC 6749 §5.2 {@code unauthorized_client}: the client is not registered for this grant type. */
    GrantPolicy GRANT_TYPE_ALLOWED = (client, grant) -> client.allows(grant.type())
            ? Optional.empty()
            : Optional.of(new Rejected(OAuthError.UNAUTHORIZED_CLIENT,
                    "client " + client.id() + " may not use " + grant.type().wire()));

    static Optional<Rejected> firstRejection(List<GrantPolicy> policies, Client client, Grant grant) {
        for (GrantPolicy policy : policies) {
            Optional<Rejected> rejected = policy.check(client, grant);
            if (rejected.isPresent()) {
                return rejected;
            }
        }
        return Optional.empty();
    }
}
