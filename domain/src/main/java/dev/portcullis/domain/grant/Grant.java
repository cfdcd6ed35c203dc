package dev.portcullis.domain.grant;

/** What a client presents at the token endpoint to obtain a token, one record per grant type. */
public sealed interface Grant permits ClientCredentialsGrant {

    GrantType type();
}
