package dev.portcullis.application.port.in;

import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.grant.Grant;
import dev.portcullis.domain.token.Issuer;
import java.util.Objects;

/** A parsed token request: who asks, with which grant, at which issuer. */
public record TokenRequest(PresentedCredentials credentials, Grant grant, Issuer issuer) {

    public TokenRequest {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(issuer, "issuer");
    }
}
