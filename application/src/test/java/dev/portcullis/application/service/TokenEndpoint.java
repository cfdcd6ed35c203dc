package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MapRefreshTokenStore;
import dev.portcullis.application.port.out.contract.MapRevocationList;
import dev.portcullis.application.port.out.contract.MapUserRepository;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.application.service.Fakes.CountingRandom;
import dev.portcullis.application.service.Fakes.MapCodeStore;
import dev.portcullis.application.service.Fakes.PlainSecretHasher;
import dev.portcullis.application.service.Fakes.RecordingSigner;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.Grant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * The token endpoint's use case over the fakes, with a clock that stands still: one per test.
 * Clients {@code myapp} (confidential, secret {@code secret}) and {@code spa} (public) and the user
 * {@code admin} / {@code secret} are there to be registered with {@link #register}.
 */
final class TokenEndpoint {

    static final Issuer ISSUER = new Issuer("https://auth.example.com");
    static final String SOURCE = "192.0.2.1";
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final ClientId MYAPP = new ClientId("myapp");
    static final ClientId SPA = new ClientId("spa");
    static final URI SPA_CALLBACK = URI.create("http://127.0.0.1:9999/callback");

    final MutableClock clock = MutableClock.at(NOW);
    final PlainSecretHasher clientSecrets = new PlainSecretHasher();
    final PlainSecretHasher passwords = new PlainSecretHasher();
    final MapClientRepository clients = new MapClientRepository();
    final MapUserRepository users = new MapUserRepository();
    final MapCodeStore codes = new MapCodeStore();
    MapRefreshTokenStore refreshTokens = new MapRefreshTokenStore();
    final MapRevocationList revocations = new MapRevocationList(clock);
    final LoginFakes.RecordingThrottle throttle = new LoginFakes.RecordingThrottle();
    final RecordingSigner signer = new RecordingSigner();
    TokenSettings tokenSettings = TokenSettings.defaults();
    RefreshTokenSettings refreshSettings = RefreshTokenSettings.defaults();

    /** myapp: confidential, every grant a confidential client may have, scopes read write, default read. */
    Client.Builder myapp() {
        return Client.confidential(MYAPP, clientSecrets.hash("secret"))
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.AUTHORIZATION_CODE,
                        GrantType.REFRESH_TOKEN))
                .allowedScopes(ScopeSet.of("read", "write"))
                .defaultScopes(ScopeSet.of("read"))
                .redirectUris(List.of(URI.create("https://app.example/callback")));
    }

    /** spa: public, authorization_code + refresh_token, scopes read write. */
    Client.Builder spa() {
        return Client.publicClient(SPA)
                .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN))
                .allowedScopes(ScopeSet.of("read", "write"))
                .redirectUris(List.of(URI.create("http://127.0.0.1/callback")));
    }

    TokenEndpoint register(Client.Builder client) {
        clients.save(client.build());
        return this;
    }

    TokenEndpoint user(String name, String password, User.Status status, String... roles) {
        users.save(new User(new Username(name), passwords.hash(password), List.of(roles), status));
        return this;
    }

    TokenEndpoint admin() {
        return user("admin", "secret", User.Status.ENABLED, "admin", "ops");
    }

    IssueTokenService service() {
        CountingRandom random = new CountingRandom();
        AccessTokenMinter minter = new AccessTokenMinter(signer, random, clock, tokenSettings);
        return new IssueTokenService(new ClientAuthenticator(clients, clientSecrets), new UserAuthenticator(users, passwords), throttle,
                minter, new GrantStores(clients, users, codes, refreshTokens, revocations), random, clock,
                refreshSettings);
    }

    private IssueTokenService service;

    TokenResult issue(PresentedCredentials credentials, Grant grant) {
        if (service == null) {
            service = service();
        }
        return service.issue(new TokenRequest(credentials, grant, ISSUER, SOURCE));
    }

    static PresentedCredentials myappCredentials() {
        return PresentedCredentials.basic(MYAPP, "secret");
    }

    static PresentedCredentials spaCredentials() {
        return PresentedCredentials.publicClient(SPA);
    }

    static Issued issued(TokenResult result) {
        assertThat(result).isInstanceOf(Issued.class);
        return (Issued) result;
    }

    static OAuthError rejection(TokenResult result) {
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).error();
    }

    /** The stored refresh token a value handed out stands for. */
    RefreshToken stored(String refreshTokenValue) {
        return refreshTokens.all().stream().filter(t -> t.hash().equals(OpaqueTokenHash.of(refreshTokenValue)))
                .findFirst().orElseThrow(() -> new AssertionError("no stored refresh token for that value"));
    }
}
