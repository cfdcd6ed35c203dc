package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.RegisteredClient;
import dev.portcullis.application.port.in.admin.RotateClientSecret;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.ClientSecretGenerator;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import java.util.Objects;
import java.util.Optional;

public final class RotateClientSecretService implements RotateClientSecret {

    private final ClientRepository clients;
    private final ClientSecretGenerator secrets;
    private final SecretHasher hasher;

    public RotateClientSecretService(ClientRepository clients, ClientSecretGenerator secrets, SecretHasher hasher) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    @Override
    public AdminResult<RegisteredClient> rotate(ClientId id) {
        Optional<Client> stored = clients.findById(id);
        if (stored.isEmpty()) {
            return AdminResult.rejected(Rejection.NOT_FOUND, "no such client");
        }
        if (stored.get().isPublic()) {
            return AdminResult.rejected(Rejection.CONFLICT, "a public client has no secret");
        }
        String secret = secrets.newClientSecret();
        Client rotated = stored.get().toBuilder().secretHash(hasher.hash(secret)).build();
        clients.save(rotated);
        return AdminResult.done(new RegisteredClient(rotated, Optional.of(secret)));
    }
}
