package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.DeleteClient;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.ClientId;
import java.util.Objects;

public final class DeleteClientService implements DeleteClient {

    private final ClientRepository clients;

    public DeleteClientService(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public AdminResult<ClientId> delete(ClientId id) {
        return clients.delete(id) ? AdminResult.done(id) : AdminResult.rejected(Rejection.NOT_FOUND, "no such client");
    }
}
