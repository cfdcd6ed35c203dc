package dev.portcullis.adapters.http;

import dev.portcullis.adapters.http.issuer.IssuerSource;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP edge needs from configuration.
 *
 * @param issuerSource          the configured issuer, or how to derive it per request from {@code Host}
 * @param trustForwardedHeaders honour {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} when deriving
 *                              the issuer: only behind a proxy that always sets them
 * @param discoveryEnabled      serve {@code /.well-known/oauth-authorization-server}; off, the path is a 404
 * @param whoamiRequiredScope   the scopes a token needs for {@code /whoami}; may be empty
 */
public record HttpSettings(IssuerSource issuerSource, boolean trustForwardedHeaders, boolean discoveryEnabled,
                           ScopeSet whoamiRequiredScope) {

    public HttpSettings {
        Objects.requireNonNull(issuerSource, "issuerSource");
        Objects.requireNonNull(whoamiRequiredScope, "whoamiRequiredScope");
    }

    /** @param issuer the issuer identifier; empty derives it per request from {@code Host}, whatever host it names */
    public HttpSettings(Optional<Issuer> issuer, boolean trustForwardedHeaders, boolean discoveryEnabled,
                        ScopeSet whoamiRequiredScope) {
        this(issuer.<IssuerSource>map(IssuerSource.Configured::new).orElseGet(IssuerSource::anyHost), trustForwardedHeaders,
                discoveryEnabled, whoamiRequiredScope);
    }

    /** Issuer from Host, forwarded headers ignored, discovery on, /whoami open to any valid token. */
    public static HttpSettings defaults() {
        return new HttpSettings(Optional.empty(), false, true, ScopeSet.empty());
    }
}
