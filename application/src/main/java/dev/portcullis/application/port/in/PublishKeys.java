package dev.portcullis.application.port.in;

/** The JWKS endpoint's use case: the public keys resource servers verify tokens with. */
public interface PublishKeys {

    String jwkSetJson();
}
