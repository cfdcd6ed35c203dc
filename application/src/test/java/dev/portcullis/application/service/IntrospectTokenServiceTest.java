package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.IntrospectToken.Caller;
import dev.portcullis.application.port.in.IntrospectToken.Introspection;
import dev.portcullis.application.port.in.IntrospectToken.IntrospectionRequest;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.service.Fakes.PlainSecretHasher;
import dev.portcullis.application.service.Fakes.RecordingSigner;
import dev.portcullis.application.port.out.contract.MapRefreshTokenStore;
import dev.portcullis.application.port.out.contract.MapRevocationList;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.token.TokenTypeHint;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntrospectTokenServiceTest {

    private static final Issuer ISSUER = new Issuer("https://auth.example.com");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ClientId RESOURCE = new ClientId("resource-server");
    private static final ClientId MYAPP = new ClientId("myapp");
    private static final ClientId SPA = new ClientId("spa");
    /** A confidential client not allowed the introspection scope. */
    private static final ClientId PEER = new ClientId("peer");

    private final MutableClock clock = MutableClock.at(NOW);
    private final PlainSecretHasher hasher = new PlainSecretHasher();
    private final MapClientRepository clients = new MapClientRepository();
    /** Checks signatures only, never time: the service must apply exp itself. */
    private final RecordingSigner signer = new RecordingSigner();
    private final MapRevocationList revocations = new MapRevocationList(clock);
    private final MapRefreshTokenStore refreshTokens = new MapRefreshTokenStore();
    private final AtomicInteger sequence = new AtomicInteger();
    private IntrospectTokenService service;

    @BeforeEach
    void setUp() {
        clients.save(Client.confidential(RESOURCE, hasher.hash("rs-secret")).allowedScopes(ScopeSet.of("introspect")).build());
        clients.save(Client.confidential(PEER, hasher.hash("peer-secret")).allowedScopes(ScopeSet.of("read")).build());
        clients.save(Client.confidential(MYAPP, hasher.hash("secret")).build());
        clients.save(Client.publicClient(SPA).grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE)).build());
        service = service(IntrospectionPolicy.OWN_OR_AUDIENCE);
    }

    private IntrospectTokenService service(IntrospectionPolicy policy) {
        return new IntrospectTokenService(new ClientAuthenticator(clients, hasher),
                new AuthenticateBearerService(signer, revocations, TokenSettings.defaults()),
                signer, revocations, refreshTokens, clock, ScopeSet.of("introspect"), policy);
    }

    private AccessTokenClaims accessToken(Issuer issuer, ClientId client, ScopeSet scope) {
        return accessToken(issuer, client, scope, List.of(issuer.value()));
    }

    private AccessTokenClaims accessToken(Issuer issuer, ClientId client, ScopeSet scope, List<String> audience) {
        return signer.sign(new AccessTokenClaims(issuer, client.value(), audience, client, scope,
                clock.instant(), clock.instant().plusSeconds(900), new TokenId("jti-" + sequence.incrementAndGet()),
                List.of())).claims();
    }

    private static String compact(AccessTokenClaims claims) {
        return "h." + claims.jwtId().value() + ".s";
    }

    private String refreshToken(ClientId client, RefreshToken.State state) {
        String plaintext = "rt-" + sequence.incrementAndGet();
        refreshTokens.save(new RefreshToken(OpaqueTokenHash.of(plaintext), new FamilyId("fam-" + plaintext), client,
                "alice", List.of(), ScopeSet.of("read", "offline_access"), NOW, NOW.plus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(30)), new TokenId("at-" + plaintext), state));
        return plaintext;
    }

    private Introspection asClient(ClientId id, String secret, String token, Optional<TokenTypeHint> hint) {
        return service.introspect(new IntrospectionRequest(new Caller.ClientCaller(PresentedCredentials.basic(id, secret)),
                token, hint, ISSUER));
    }

    private Introspection asResourceServer(String token) {
        return asClient(RESOURCE, "rs-secret", token, Optional.empty());
    }

    @Test
    void anActiveAccessTokenOfAnyClientIsDescribedToAnAuthenticatedClient() {
        AccessTokenClaims token = accessToken(ISSUER, MYAPP, ScopeSet.of("read"));

        assertThat(asResourceServer(compact(token))).isEqualTo(new Introspection.ActiveAccessToken(token));
    }

    @Test
    void aClientWithoutTheIntrospectionScopeSeesOnlyTokensIssuedToItOrNamingItInAud() {
        AccessTokenClaims others = accessToken(ISSUER, MYAPP, ScopeSet.of("read"));
        AccessTokenClaims own = accessToken(ISSUER, PEER, ScopeSet.of("read"));
        AccessTokenClaims forPeer = accessToken(ISSUER, MYAPP, ScopeSet.of("read"), List.of("https://api.example", "peer"));

        assertThat(asClient(PEER, "peer-secret", compact(others), Optional.empty())).isEqualTo(new Introspection.Inactive());
        assertThat(asClient(PEER, "peer-secret", compact(own), Optional.empty()))
                .isEqualTo(new Introspection.ActiveAccessToken(own));
        assertThat(asClient(PEER, "peer-secret", compact(forPeer), Optional.empty()))
                .isEqualTo(new Introspection.ActiveAccessToken(forPeer));
        assertThat(asResourceServer(compact(others))).as("allowed the introspection scope")
                .isEqualTo(new Introspection.ActiveAccessToken(others));
    }

    @Test
    void anyClientSeesAnyTokenUnderTheOldPolicy() {
        AccessTokenClaims others = accessToken(ISSUER, MYAPP, ScopeSet.of("read"));

        assertThat(service(IntrospectionPolicy.ANY_CLIENT).introspect(new IntrospectionRequest(
                new Caller.ClientCaller(PresentedCredentials.basic(PEER, "peer-secret")), compact(others), Optional.empty(),
                ISSUER))).isEqualTo(new Introspection.ActiveAccessToken(others));
        assertThat(service(IntrospectionPolicy.ANY_CLIENT).introspect(new IntrospectionRequest(
                new Caller.ClientCaller(PresentedCredentials.publicClient(SPA)), compact(others), Optional.empty(), ISSUER)))
                .as("public clients never").isInstanceOf(Introspection.Refused.class);
    }

    @Test
    void revokedExpiredForeignAndUnknownTokensAreAllJustInactive() {
        AccessTokenClaims revoked = accessToken(ISSUER, MYAPP, ScopeSet.of("read"));
        revocations.revoke(revoked.jwtId(), revoked.expiresAt());
        AccessTokenClaims otherIssuer = accessToken(new Issuer("https://evil.example.com"), MYAPP, ScopeSet.of("read"));
        AccessTokenClaims expiring = accessToken(ISSUER, MYAPP, ScopeSet.of("read"));

        assertThat(asResourceServer(compact(revoked))).isEqualTo(new Introspection.Inactive());
        assertThat(asResourceServer(compact(otherIssuer))).isEqualTo(new Introspection.Inactive());
        assertThat(asResourceServer("h.never-issued.s")).isEqualTo(new Introspection.Inactive());
        assertThat(asResourceServer("garbage")).isEqualTo(new Introspection.Inactive());

        clock.set(expiring.expiresAt().minusMillis(1));
        assertThat(asResourceServer(compact(expiring))).isInstanceOf(Introspection.ActiveAccessToken.class);
        clock.set(expiring.expiresAt());
        assertThat(asResourceServer(compact(expiring)))
                .as("no clock skew at the authority: exp is exp")
                .isEqualTo(new Introspection.Inactive());
    }

    @Test
    void aBearerCallerNeedsTheIntrospectionScope() {
        AccessTokenClaims token = accessToken(ISSUER, MYAPP, ScopeSet.of("read"));
        String withScope = compact(accessToken(ISSUER, RESOURCE, ScopeSet.of("introspect")));
        String withoutScope = compact(accessToken(ISSUER, RESOURCE, ScopeSet.of("read")));

        assertThat(service.introspect(new IntrospectionRequest(new Caller.BearerCaller(withScope), compact(token),
                Optional.empty(), ISSUER))).isEqualTo(new Introspection.ActiveAccessToken(token));
        assertThat(service.introspect(new IntrospectionRequest(new Caller.BearerCaller(withoutScope), compact(token),
                Optional.empty(), ISSUER))).isInstanceOfSatisfying(Introspection.Refused.class,
                r -> assertThat(r.error()).isEqualTo(OAuthError.INSUFFICIENT_SCOPE));
        assertThat(service.introspect(new IntrospectionRequest(new Caller.BearerCaller("h.forged.s"), compact(token),
                Optional.empty(), ISSUER))).isInstanceOfSatisfying(Introspection.Refused.class,
                r -> assertThat(r.error()).isEqualTo(OAuthError.INVALID_TOKEN));
    }

    @Test
    void aRevokedBearerCallerIsRefused() {
        AccessTokenClaims caller = accessToken(ISSUER, RESOURCE, ScopeSet.of("introspect"));
        revocations.revoke(caller.jwtId(), caller.expiresAt());

        Introspection answer = service.introspect(new IntrospectionRequest(new Caller.BearerCaller(compact(caller)),
                compact(accessToken(ISSUER, MYAPP, ScopeSet.of("read"))), Optional.empty(), ISSUER));

        assertThat(answer).isInstanceOfSatisfying(Introspection.Refused.class,
                r -> assertThat(r.error()).isEqualTo(OAuthError.INVALID_TOKEN));
    }

    @Test
    void publicClientsAndWrongSecretsAreInvalidClients() {
        String token = compact(accessToken(ISSUER, MYAPP, ScopeSet.of("read")));

        assertThat(service.introspect(new IntrospectionRequest(new Caller.ClientCaller(PresentedCredentials.publicClient(SPA)),
                token, Optional.empty(), ISSUER))).isInstanceOfSatisfying(Introspection.Refused.class,
                r -> assertThat(r.error()).isEqualTo(OAuthError.INVALID_CLIENT));
        assertThat(asClient(RESOURCE, "wrong", token, Optional.empty())).isInstanceOfSatisfying(Introspection.Refused.class,
                r -> assertThat(r.error()).isEqualTo(OAuthError.INVALID_CLIENT));
    }

    @Test
    void aRefreshTokenIsDescribedOnlyToItsOwnClientAndOnlyWhileUsable() {
        String active = refreshToken(MYAPP, RefreshToken.State.ACTIVE);
        String rotated = refreshToken(MYAPP, RefreshToken.State.ROTATED);

        assertThat(asClient(MYAPP, "secret", active, Optional.of(TokenTypeHint.REFRESH_TOKEN))).isEqualTo(
                new Introspection.ActiveRefreshToken(ISSUER, MYAPP, "alice", ScopeSet.of("read", "offline_access"), NOW,
                        NOW.plus(Duration.ofHours(1))));
        assertThat(asResourceServer(active)).as("another client").isEqualTo(new Introspection.Inactive());
        String bearer = compact(accessToken(ISSUER, MYAPP, ScopeSet.of("introspect")));
        assertThat(service.introspect(new IntrospectionRequest(new Caller.BearerCaller(bearer), active,
                Optional.empty(), ISSUER))).as("a bearer caller, even of the same client").isEqualTo(new Introspection.Inactive());
        assertThat(asClient(MYAPP, "secret", rotated, Optional.empty())).isEqualTo(new Introspection.Inactive());

        clock.set(NOW.plus(Duration.ofHours(1)));
        assertThat(asClient(MYAPP, "secret", active, Optional.empty())).isEqualTo(new Introspection.Inactive());
    }

    @Test
    void aRefreshHintLooksInTheStoreFirst() {
        String active = refreshToken(MYAPP, RefreshToken.State.ACTIVE);
        String access = compact(accessToken(ISSUER, MYAPP, ScopeSet.of("read")));

        asClient(MYAPP, "secret", access, Optional.empty());
        assertThat(refreshTokens.finds()).as("an access token found first asks no store").isEqualTo(0);
        asClient(MYAPP, "secret", active, Optional.of(TokenTypeHint.REFRESH_TOKEN));
        assertThat(refreshTokens.finds()).isEqualTo(1);
        assertThat(asClient(MYAPP, "secret", access, Optional.of(TokenTypeHint.REFRESH_TOKEN)))
                .isInstanceOf(Introspection.ActiveAccessToken.class);
        assertThat(refreshTokens.finds()).isEqualTo(2);
    }
}
