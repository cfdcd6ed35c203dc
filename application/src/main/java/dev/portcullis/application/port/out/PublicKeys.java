package dev.portcullis.application.port.out;

/** The public half of every published signing key, as a JWK Set document (RFC 7517 §5). */
public interface PublicKeys {

    /** Never contains private or symmetric key material. */
    String jwkSetJson();
}
