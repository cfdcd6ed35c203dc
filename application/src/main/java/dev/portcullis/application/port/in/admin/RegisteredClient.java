package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.Client;
import java.util.Objects;
import java.util.Optional;

/**
 * A client just registered, or whose secret was just rotated.
 *
 * @param secret the plaintext secret, present for a confidential client: shown to the operator once, stored only hashed
 */
public record RegisteredClient(Client client, Optional<String> secret) {

    public RegisteredClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "RegisteredClient[" + client.id() + (secret.isPresent() ? ", secret=***]" : "]");
    }
}
