package dev.portcullis.application.service.admin;

import dev.portcullis.domain.client.RedirectUriPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What an operator or a registrant may set on a client beyond what makes it a valid client: which redirect URIs, and
 * how long its access tokens may live. The same rules serve the admin API, the CLI and dynamic registration.
 *
 * @param redirectUris       the redirect-URI rule of this server's profile
 * @param maxAccessTokenTtl  the longest {@code access_token_ttl} a client may have ({@code token.max-access-token-ttl})
 */
public record ClientRules(RedirectUriPolicy redirectUris, Duration maxAccessTokenTtl) {

    /** One day: long-lived bearer tokens are what RFC 9700 §2.2 warns against; a refresh token serves longer sessions. */
    public static final Duration DEFAULT_MAX_ACCESS_TOKEN_TTL = Duration.ofDays(1);

    public ClientRules {
        Objects.requireNonNull(redirectUris, "redirectUris");
        Objects.requireNonNull(maxAccessTokenTtl, "maxAccessTokenTtl");
        if (maxAccessTokenTtl.isNegative() || maxAccessTokenTtl.isZero()) {
            throw new IllegalArgumentException("the maximum access-token lifetime must be positive");
        }
    }

    /** The production rules with the default maximum, for tests and fixtures. */
    public static ClientRules strict() {
        return new ClientRules(RedirectUriPolicy.STRICT, DEFAULT_MAX_ACCESS_TOKEN_TTL);
    }
}
