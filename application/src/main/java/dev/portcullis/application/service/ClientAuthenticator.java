package dev.portcullis.application.service;

import dev.portcullis.application.port.in.ClientAuthenticationFailure;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.secret.SecretHash;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates a client however it presented its credentials (RFC 6749 §2.3). One authenticator
 * serves every endpoint that takes client credentials.
 */
public final class ClientAuthenticator {

    private final ClientRepository clients;
    private final SecretHasher hasher;
    /** Checked against when the client is unknown, so that timing does not reveal which ids exist. */
    private final SecretHash decoy;

    public ClientAuthenticator(ClientRepository clients, SecretHasher hasher) {
        this.clients = clients;
        this.hasher = hasher;
        this.decoy = hasher.hash("decoy-secret-for-unknown-clients");
    }

    public Authentication authenticate(PresentedCredentials presented) {
        Optional<Client> found = clients.findById(presented.clientId());
        if (found.isEmpty()) {
            presented.secret().ifPresent(secret -> hasher.matches(secret, decoy));
            return new Authentication.Failed(ClientAuthenticationFailure.UNKNOWN_CLIENT, "unknown client " + presented.clientId());
        }
        Client client = found.get();
        if (!client.accepts(presented.method())) {
            return new Authentication.Failed(ClientAuthenticationFailure.AUTH_METHOD_NOT_ALLOWED,
                    "client " + client.id() + " may not use " + presented.method().wire());
        }
        if (presented.method().usesSecret()) {
            // accepts() guarantees a confidential client here, so the hash is present
            boolean matches = hasher.matches(presented.secret().orElseThrow(), client.secretHash().orElseThrow());
            if (!matches) {
                return new Authentication.Failed(ClientAuthenticationFailure.WRONG_SECRET, "wrong secret for client " + client.id());
            }
        }
        return new Authentication.Authenticated(client);
    }

    public sealed interface Authentication {
        record Authenticated(Client client) implements Authentication {}

        /** @param failure what went wrong, for metrics and audit; @param reason for the log only */
        record Failed(ClientAuthenticationFailure failure, String reason) implements Authentication {
            public Failed {
                Objects.requireNonNull(failure, "failure");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
