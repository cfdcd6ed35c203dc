package dev.portcullis.application.port.out.contract;

import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients in a map, for tests of what uses the port (the memory adapter is for the adapters' own tests): it passes
 * {@link ClientRepositoryContract}, and {@link #down} makes every lookup fail as a store outage does.
 */
public class MapClientRepository implements ClientRepository {

    private final Map<ClientId, Client> clients = new ConcurrentHashMap<>();
    /** When set, lookups throw {@link BackendUnavailableException}. */
    public volatile boolean down;

    @Override
    public Optional<Client> findById(ClientId id) {
        failIfDown();
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
        failIfDown();
        return clients.values().stream().sorted(Comparator.comparing(c -> c.id().value())).toList();
    }

    private void failIfDown() {
        if (down) {
            throw new BackendUnavailableException("clients", null);
        }
    }
}
