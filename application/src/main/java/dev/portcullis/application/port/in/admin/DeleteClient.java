package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.client.ClientId;

/**
 * Operators' use case: remove a client. It can no longer authenticate or refresh; access tokens it already
 * holds stay valid until they expire (revoke them at {@code /revoke} to end them sooner).
 */
public interface DeleteClient {

    /** Rejected {@code NOT_FOUND} when there was no such client. */
    AdminResult<ClientId> delete(ClientId id);
}
