package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.ListClients;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListClientsService implements ListClients {

    private final ClientRepository clients;

    public ListClientsService(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public List<Client> list() {
        return clients.findAll().stream().sorted(Comparator.comparing(c -> c.id().value())).toList();
    }

    @Override
    public Optional<Client> find(ClientId id) {
        return clients.findById(id);
    }
}
