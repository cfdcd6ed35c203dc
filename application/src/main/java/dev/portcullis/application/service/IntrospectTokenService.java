package dev.portcullis.application.service;

import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.AuthenticateBearer.BearerResult;
import dev.portcullis.application.port.in.IntrospectToken;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.application.port.out.TokenVerifier.Verification;
import dev.portcullis.application.service.ClientAuthenticator.Authentication;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenTypeHint;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Introspection (RFC 7662 §2). Who may ask:
 * <ul>
 *   <li>a confidential client, authenticated as at the token endpoint (a public client proves nothing but
 *       its id, so it is refused with {@code invalid_client}). Under {@link IntrospectionPolicy#OWN_OR_AUDIENCE} it
 *       sees only access tokens issued to it or whose {@code aud} names it, unless it is allowed the introspection
 *       scope; any other token is simply inactive to it, as RFC 7662 §2.2 allows;</li>
 *   <li>a bearer of an access token of this issuer carrying the introspection scope (a resource server): any token.</li>
 * </ul>
 * What it answers: an access token is active while it verifies (signature, key not retired), comes
 * from the request's issuer, has not reached {@code exp} on this server's clock (no skew: the server
 * is the authority on its own clock) and is not revoked. A refresh token is described only to the
 * client it was issued to, and only while it is usable; to everyone else it is inactive.
 */
public final class IntrospectTokenService implements IntrospectToken {

    private final ClientAuthenticator clients;
    private final AuthenticateBearer bearers;
    private final TokenVerifier verifier;
    private final RevocationList revocations;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;
    private final ScopeSet introspectionScope;
    private final IntrospectionPolicy policy;

    /**
     * @param introspectionScope what a bearer caller's token must carry, and what a client must be allowed to see
     *                           every token under {@link IntrospectionPolicy#OWN_OR_AUDIENCE}
     */
    public IntrospectTokenService(ClientAuthenticator clients, AuthenticateBearer bearers, TokenVerifier verifier,
            RevocationList revocations, RefreshTokenStore refreshTokens, Clock clock, ScopeSet introspectionScope,
            IntrospectionPolicy policy) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.bearers = Objects.requireNonNull(bearers, "bearers");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.introspectionScope = Objects.requireNonNull(introspectionScope, "introspectionScope");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (introspectionScope.isEmpty()) {
            throw new IllegalArgumentException("an introspection scope is required: any valid token would do otherwise");
        }
    }

    @Override
    public Introspection introspect(IntrospectionRequest request) {
        /* the client that may see its own refresh tokens; bearer callers see access tokens only */
        Optional<ClientId> owner;
        Predicate<AccessTokenClaims> visible;
        switch (request.caller()) {
            case Caller.ClientCaller client -> {
                if (client.credentials().method() == AuthMethod.NONE) {
                    return new Introspection.Refused(OAuthError.INVALID_CLIENT,
                            "public client " + client.credentials().clientId() + " may not introspect");
                }
                switch (clients.authenticate(client.credentials())) {
                    case Authentication.Failed failed -> {
                        return new Introspection.Refused(OAuthError.INVALID_CLIENT, failed.reason());
                    }
                    case Authentication.Authenticated authenticated -> {
                        owner = Optional.of(authenticated.client().id());
                        visible = visibleTo(authenticated.client());
                    }
                }
            }
            case Caller.BearerCaller bearer -> {
                switch (bearers.authenticate(bearer.accessToken(), request.issuer(), introspectionScope)) {
                    case BearerResult.Refused refused -> {
                        return new Introspection.Refused(refused.error(), "bearer caller: " + refused.reason());
                    }
                    case BearerResult.Authenticated authenticated -> {
                        owner = Optional.empty();
                        visible = claims -> true;
                    }
                }
            }
        }
        for (TokenTypeHint type : RevokeTokenService.lookupOrder(request.hint())) {
            Optional<Introspection> answer = switch (type) {
                case ACCESS_TOKEN -> accessToken(request.token(), request.issuer(), visible);
                case REFRESH_TOKEN -> refreshToken(request.token(), request.issuer(), owner);
            };
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return new Introspection.Inactive();
    }

    /** Which access tokens an authenticated client may see described. */
    private Predicate<AccessTokenClaims> visibleTo(Client caller) {
        if (policy == IntrospectionPolicy.ANY_CLIENT || caller.allowedScopes().containsAll(introspectionScope)) {
            return claims -> true;
        }
        return claims -> claims.clientId().equals(caller.id()) || claims.audience().contains(caller.id().value());
    }

    /**
     * Empty when the token is not an access token this server signed; otherwise active or not. A token the caller
     * may not see is inactive, like any other: the answer does not even say that it exists.
     */
    private Optional<Introspection> accessToken(String token, Issuer issuer, Predicate<AccessTokenClaims> visible) {
        if (!(verifier.verify(token) instanceof Verification.Valid valid)) {
            return Optional.empty();
        }
        AccessTokenClaims claims = valid.claims();
        boolean active = claims.issuer().equals(issuer)
                && visible.test(claims)
                && !claims.isExpiredAt(clock.instant())
                && !revocations.isRevoked(claims.jwtId());
        return Optional.of(active ? new Introspection.ActiveAccessToken(claims) : new Introspection.Inactive());
    }

    /** Empty when no such refresh token is stored; otherwise active only for its own client while usable. */
    private Optional<Introspection> refreshToken(String token, Issuer issuer, Optional<ClientId> caller) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = refreshTokens.find(OpaqueTokenHash.of(token), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken t = found.get();
        if (caller.filter(t.clientId()::equals).isEmpty() || !t.isUsableAt(now)) {
            return Optional.of(new Introspection.Inactive());
        }
        return Optional.of(new Introspection.ActiveRefreshToken(issuer, t.clientId(), t.subject(), t.scope(),
                t.issuedAt(), t.expiresAt()));
    }
}
