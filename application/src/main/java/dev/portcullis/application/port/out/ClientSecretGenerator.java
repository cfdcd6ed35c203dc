package dev.portcullis.application.port.out;

/** New client secrets, with enough entropy (≥ 256 bits) for the fast hash client secrets are stored with. */
public interface ClientSecretGenerator {

    String newClientSecret();
}
