package dev.portcullis.application.port.in;

import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.grant.Grant;
import dev.portcullis.domain.token.Issuer;
import java.util.Objects;

/**
 * A parsed token request: who asks, with which grant, at which issuer, and from where.
 *
 * @param source the address the request comes from, as the edge sees it: the password grant's
 *               failures are counted per username and source, as the login page's are
 */
public record TokenRequest(PresentedCredentials credentials, Grant grant, Issuer issuer, String source) {

    public TokenRequest {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
    }
}
