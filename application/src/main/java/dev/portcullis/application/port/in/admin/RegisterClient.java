package dev.portcullis.application.port.in.admin;

/** Operators' use case: register a new client; a confidential one gets a server-generated secret, shown once. */
public interface RegisterClient {

    /** Rejected {@code CONFLICT} when the id is taken, {@code INVALID} when the spec is not a valid client. */
    AdminResult<RegisteredClient> register(ClientSpec spec);
}
