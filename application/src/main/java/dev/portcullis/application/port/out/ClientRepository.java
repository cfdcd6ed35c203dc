package dev.portcullis.application.port.out;

import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import java.util.List;
import java.util.Optional;

/** Where registered clients live. Every method throws {@link BackendUnavailableException} when the store cannot answer. */
public interface ClientRepository {

    Optional<Client> findById(ClientId id);

    /** Inserts the client, or replaces the one with the same id. */
    void save(Client client);

    /** @return whether a client was there to delete */
    boolean delete(ClientId id);

    List<Client> findAll();
}
