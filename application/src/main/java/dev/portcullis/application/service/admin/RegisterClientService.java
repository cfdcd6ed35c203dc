package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.ClientSpec;
import dev.portcullis.application.port.in.admin.RegisterClient;
import dev.portcullis.application.port.in.admin.RegisteredClient;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.ClientSecretGenerator;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.domain.client.Client;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers a client in the shared store, so every node sees it at once. The existence check and the save
 * are two store operations: two operators registering the same id in the same instant may both succeed,
 * the later one replacing the earlier.
 */
public final class RegisterClientService implements RegisterClient {

    private final ClientRepository clients;
    private final ClientSecretGenerator secrets;
    private final SecretHasher hasher;
    private final ClientRules rules;

    public RegisterClientService(ClientRepository clients, ClientSecretGenerator secrets, SecretHasher hasher, ClientRules rules) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public AdminResult<RegisteredClient> register(ClientSpec spec) {
        Optional<String> secret = spec.kind() == ClientSpec.Kind.PUBLIC ? Optional.empty()
                : Optional.of(secrets.newClientSecret());
        AdminResult<Client> built = ClientSpecs.build(spec, secret.map(hasher::hash), rules);
        return switch (built) {
            case AdminResult.Rejected<Client> r -> AdminResult.rejected(r.rejection(), r.message());
            case AdminResult.Done<Client> done -> {
                if (clients.findById(spec.id()).isPresent()) {
                    yield AdminResult.rejected(Rejection.CONFLICT, "a client with this client_id exists");
                }
                clients.save(done.value());
                yield AdminResult.done(new RegisteredClient(done.value(), secret));
            }
        };
    }
}
