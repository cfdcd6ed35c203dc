package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.ClientId;

/**
 * Operators' use case: give a confidential client a new server-generated secret; the old one stops working
 * at once on every node. Rejected {@code NOT_FOUND} for an unknown client, {@code CONFLICT} for a public one.
 */
public interface RotateClientSecret {

    AdminResult<RegisteredClient> rotate(ClientId id);
}
