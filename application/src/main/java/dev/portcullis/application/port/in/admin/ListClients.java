package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import java.util.List;
import java.util.Optional;

/** Operators' use case: the registered clients, as stored (the edge never shows their secret hashes). */
public interface ListClients {

    /** Ordered by client id. */
    List<Client> list();

    Optional<Client> find(ClientId id);
}
