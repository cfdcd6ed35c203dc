package dev.portcullis.domain.grant;

/**
 * What a client presents at the token endpoint to obtain a token, one record per grant type.
 * No implementation prints a code, a password or a token in {@code toString}: requests pass through logs.
 */
public sealed interface Grant permits ClientCredentialsGrant, AuthorizationCodeGrant, PasswordGrant, RefreshTokenGrant {

    GrantType type();
}
