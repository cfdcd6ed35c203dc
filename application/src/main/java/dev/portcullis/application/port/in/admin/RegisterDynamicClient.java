package dev.portcullis.application.port.in.admin;

/**
 * A client registers itself (RFC 7591), behind an initial access token: the server assigns the client id and,
 * for a confidential client, the secret. Scopes reserved for operators (admin, introspection) are refused.
 */
public interface RegisterDynamicClient {

    /**
     * Rejected {@code INVALID} for metadata that is not a valid client, asks for a reserved scope or a grant type the
     * operator did not allow; {@code INVALID_REDIRECT_URI} for a redirect URI the server's rule refuses.
     */
    AdminResult<RegisteredClient> register(DynamicRegistration registration);
}
