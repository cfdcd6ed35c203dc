package dev.portcullis.application.port.out;

import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.SignedAccessToken;

/** Signs access tokens with the current signing key. */
public interface TokenSigner {

    SignedAccessToken sign(AccessTokenClaims claims);
}
