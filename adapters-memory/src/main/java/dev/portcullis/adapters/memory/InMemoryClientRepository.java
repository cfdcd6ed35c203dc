package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Clients in a map: the embedded default, and the fake for application tests. */
public final class InMemoryClientRepository implements ClientRepository {

    private final ConcurrentMap<ClientId, Client> clients = new ConcurrentHashMap<>();

    @Override
    public Optional<Client> findById(ClientId id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public void save(Client client) {
        clients.put(client.id(), client);
    }

    @Override
    public boolean delete(ClientId id) {
        return clients.remove(id) != null;
    }

    @Override
    public List<Client> findAll() {
        return clients.values().stream().sorted(Comparator.comparing(c -> c.id().value())).toList();
    }
}
