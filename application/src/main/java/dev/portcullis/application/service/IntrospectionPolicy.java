package dev.portcullis.application.service;

/**
 * Which access tokens an authenticated client may have described at the introspection endpoint. A description
 * names the token's client, scope and subject: telling them to any client leaks who uses what.
 */
public enum IntrospectionPolicy {

    /**
     * A client sees the tokens issued to it and those whose {@code aud} names it; a client allowed the introspection
     * scope (a resource server), or a bearer of a token carrying it, sees any. Every other token is inactive.
     */
    OWN_OR_AUDIENCE,

    /** Any confidential client sees any token: the behaviour before the policy existed, for deployments that rely on it. */
    ANY_CLIENT
}
