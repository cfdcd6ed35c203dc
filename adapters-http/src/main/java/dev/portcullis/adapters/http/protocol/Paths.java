package dev.portcullis.adapters.http.protocol;

/** The paths the edge serves, in one place: routes register them, discovery advertises them. */
public final class Paths {

    public static final String TOKEN = "/token";
    /** RFC 6749 §3.1. */
    public static final String AUTHORIZE = "/authorize";
    public static final String JWKS = "/jwks";
    /** RFC 8414 §3. */
    public static final String DISCOVERY = "/.well-known/oauth-authorization-server";
    public static final String WHOAMI = "/whoami";
    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    /** RFC 7009. */
    public static final String REVOKE = "/revoke";
    /** RFC 7662. */
    public static final String INTROSPECT = "/introspect";
    /** RFC 7591, when enabled. */
    public static final String REGISTER = "/register";
    public static final String ADMIN_KEYS_ROTATE = "/admin/keys/rotate";
    public static final String ADMIN_KEYS = "/admin/keys";
    public static final String ADMIN_CLIENTS = "/admin/clients";
    public static final String ADMIN_CLIENT = "/admin/clients/{id}";
    public static final String ADMIN_CLIENT_SECRET = "/admin/clients/{id}/secret";
    public static final String ADMIN_USERS = "/admin/users";
    public static final String ADMIN_USER = "/admin/users/{username}";

    private Paths() {
    }
}
