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

/**
 * Introspection (RFC 7662 §2). Who may ask:
 * <ul>
 *   <li>a confidential client, authenticated as at the token endpoint (a public client proves nothing but
 *       its id, so it is refused with {@code invalid_client});</li>
 *   <li>a bearer of an access token of this issuer carrying the introspection scope (a resource server).</li>
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

    /** @param introspectionScope what a bearer caller's token must carry */
    public IntrospectTokenService(ClientAuthenticator clients, AuthenticateBearer bearers, TokenVerifier verifier,
            RevocationList revocations, RefreshTokenStore refreshTokens, Clock clock, ScopeSet introspectionScope) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.bearers = Objects.requireNonNull(bearers, "bearers");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.introspectionScope = Objects.requireNonNull(introspectionScope, "introspectionScope");
        if (introspectionScope.isEmpty()) {
            throw new IllegalArgumentException("an introspection scope is required: any valid token would do otherwise");
        }
    }

    @Override
    public Introspection introspect(IntrospectionRequest request) {
        /* the client that may see its own refresh tokens; bearer callers see access tokens only */
        Optional<ClientId> owner;
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
                    case Authentication.Authenticated authenticated -> owner = Optional.of(authenticated.client().id());
                }
            }
            case Caller.BearerCaller bearer -> {
                switch (bearers.authenticate(bearer.accessToken(), request.issuer(), introspectionScope)) {
                    case BearerResult.Refused refused -> {
                        return new Introspection.Refused(refused.error(), "bearer caller: " + refused.reason());
                    }
                    case BearerResult.Authenticated authenticated -> owner = Optional.empty();
                }
            }
        }
        for (TokenTypeHint type : RevokeTokenService.lookupOrder(request.hint())) {
            Optional<Introspection> answer = switch (type) {
                case ACCESS_TOKEN -> accessToken(request.token(), request.issuer());
                case REFRESH_TOKEN -> refreshToken(request.token(), request.issuer(), owner);
            };
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return new Introspection.Inactive();
    }

    /** Empty when the token is not an access token this server signed; otherwise active or not. */
    private Optional<Introspection> accessToken(String token, Issuer issuer) {
        if (!(verifier.verify(token) instanceof Verification.Valid valid)) {
            return Optional.empty();
        }
        AccessTokenClaims claims = valid.claims();
        boolean active = claims.issuer().equals(issuer)
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
