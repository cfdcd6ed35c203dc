package dev.portcullis.application.port.in.admin;

/**
 * A client registers itself (RFC 7591), behind an initial access token: the server assigns the client id and,
 * for a confidential client, the secret. Scopes reserved for operators (admin, introspection) are refused.
 */
public interface RegisterDynamicClient {

    /** Rejected {@code INVALID} for metadata that is not a valid client or asks for a reserved scope. */
    AdminResult<RegisteredClient> register(DynamicRegistration registration);
}
