package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;

/**
 * Operators' use case: change a client's settings. Its secret stays (see {@link RotateClientSecret}) and its
 * kind cannot change: a public client has no secret to keep, a confidential one would need a new one.
 */
public interface UpdateClient {

    /** Replaces every setting with the spec's; the spec's id must be {@code id}. */
    AdminResult<Client> replace(ClientId id, ClientSpec spec);

    /** Replaces the settings the changes name. */
    AdminResult<Client> change(ClientId id, ClientChanges changes);
}
