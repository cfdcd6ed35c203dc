package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.service.Fakes.CountingRandom;
import dev.portcullis.application.service.Fakes.MapClientRepository;
import dev.portcullis.application.service.Fakes.PlainSecretHasher;
import dev.portcullis.application.service.Fakes.RecordingSigner;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class IssueTokenServiceTest {

    private static final Issuer ISSUER = new Issuer("https://auth.example.com");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ClientId MYAPP = new ClientId("myapp");

    private final PlainSecretHasher hasher = new PlainSecretHasher();
    private final MapClientRepository clients = new MapClientRepository();
    private final RecordingSigner signer = new RecordingSigner();
    private TokenSettings settings = TokenSettings.defaults();

    private IssueTokenService service() {
        AccessTokenMinter minter = new AccessTokenMinter(signer, new CountingRandom(), Clock.fixed(NOW, ZoneOffset.UTC), settings);
        return new IssueTokenService(new ClientAuthenticator(clients, hasher), minter);
    }

    private Client.Builder myapp() {
        return Client.confidential(MYAPP, hasher.hash("secret"))
                .allowedScopes(ScopeSet.of("read", "write"))
                .defaultScopes(ScopeSet.of("read"));
    }

    private TokenResult clientCredentials(PresentedCredentials credentials, ScopeSet requested) {
        return service().issue(new TokenRequest(credentials, new ClientCredentialsGrant(requested), ISSUER));
    }

    @Test
    void issuesAnRfc9068TokenForTheClientItself() {
        clients.save(myapp().build());

        TokenResult result = clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.of("write"));

        Issued issued = (Issued) result;
        AccessTokenClaims claims = issued.accessToken().claims();
        assertThat(claims.issuer()).isEqualTo(ISSUER);
        assertThat(claims.subject()).isEqualTo("myapp");
        assertThat(claims.clientId()).isEqualTo(MYAPP);
        assertThat(claims.audience()).containsExactly("https://auth.example.com");
        assertThat(claims.scope()).isEqualTo(ScopeSet.of("write"));
        assertThat(claims.issuedAt()).isEqualTo(NOW);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(claims.jwtId().value()).isNotBlank();
        assertThat(claims.roles()).isEmpty();
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(900));
        assertThat(issued.scope()).isEqualTo(ScopeSet.of("write"));
        assertThat(issued.refreshToken()).as("client_credentials issues no refresh token (RFC 6749 §4.4.3)").isEmpty();
    }

    @Test
    void noScopeRequestedGivesTheDefaultScopes() {
        clients.save(myapp().build());

        Issued issued = (Issued) clientCredentials(PresentedCredentials.post(MYAPP, "secret"), ScopeSet.empty());

        assertThat(issued.scope()).isEqualTo(ScopeSet.of("read"));
    }

    @Test
    void scopesBeyondTheAllowedAreInvalidScope() {
        clients.save(myapp().build());

        TokenResult result = clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.of("read", "admin"));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.error()).isEqualTo(OAuthError.INVALID_SCOPE));
        assertThat(signer.signed).isEmpty();
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorizedClient() {
        clients.save(myapp().grantTypes(EnumSet.of(GrantType.PASSWORD)).build());

        TokenResult result = clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.empty());

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.error()).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT));
    }

    @Test
    void wrongSecretUnknownClientAndDisallowedMethodAreInvalidClient() {
        clients.save(myapp().authMethods(EnumSet.of(AuthMethod.CLIENT_SECRET_BASIC)).build());

        assertThat(List.of(
                clientCredentials(PresentedCredentials.basic(MYAPP, "wrong"), ScopeSet.empty()),
                clientCredentials(PresentedCredentials.basic(new ClientId("ghost"), "secret"), ScopeSet.empty()),
                clientCredentials(PresentedCredentials.post(MYAPP, "secret"), ScopeSet.empty()),
                clientCredentials(PresentedCredentials.publicClient(MYAPP), ScopeSet.empty())))
                .allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.error()).isEqualTo(OAuthError.INVALID_CLIENT)));
        assertThat(signer.signed).isEmpty();
    }

    @Test
    void anUnknownClientCostsASecretCheckAsAKnownOneDoes() {
        int before = hasher.checks.get();

        clientCredentials(PresentedCredentials.basic(new ClientId("ghost"), "secret"), ScopeSet.empty());

        assertThat(hasher.checks.get()).isEqualTo(before + 1);
    }

    @Test
    void perClientLifetimeAndAudienceOverrideTheDefaults() {
        settings = new TokenSettings(Duration.ofSeconds(300), Optional.of("https://api.example.com"));
        clients.save(myapp().audience(List.of("orders")).accessTokenTtl(Duration.ofSeconds(60)).build());

        Issued issued = (Issued) clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.empty());

        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(60));
        assertThat(issued.accessToken().claims().audience()).containsExactly("orders");
    }

    @Test
    void theServerDefaultsApplyWhenTheClientSetsNone() {
        settings = new TokenSettings(Duration.ofSeconds(300), Optional.of("https://api.example.com"));
        clients.save(myapp().build());

        Issued issued = (Issued) clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.empty());

        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(300));
        assertThat(issued.accessToken().claims().audience()).containsExactly("https://api.example.com");
    }

    @Test
    void aStoreOutageIsAFailureNotARejection() {
        IssueTokenService service = new IssueTokenService(new ClientAuthenticator(new MapClientRepository() {
            @Override
            public Optional<Client> findById(ClientId id) {
                throw new BackendUnavailableException("test store", new RuntimeException("down"));
            }
        }, hasher), new AccessTokenMinter(signer, new CountingRandom(), Clock.systemUTC(), settings));

        Assertions.assertThatThrownBy(() -> service.issue(new TokenRequest(PresentedCredentials.basic(MYAPP, "secret"),
                new ClientCredentialsGrant(ScopeSet.empty()), ISSUER)))
                .isInstanceOf(BackendUnavailableException.class);
    }
}
