package dev.portcullis.application.service;

import static dev.portcullis.application.service.TokenEndpoint.ISSUER;
import static dev.portcullis.application.service.TokenEndpoint.MYAPP;
import static dev.portcullis.application.service.TokenEndpoint.NOW;
import static dev.portcullis.application.service.TokenEndpoint.SOURCE;
import static dev.portcullis.application.service.TokenEndpoint.issued;
import static dev.portcullis.application.service.TokenEndpoint.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.user.Username;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** client_credentials, and what every grant shares: client authentication and the grant-type policy. */
class IssueTokenServiceTest {

    private final TokenEndpoint endpoint = new TokenEndpoint();

    private Client.Builder myapp() {
        return endpoint.myapp().grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS));
    }

    private TokenResult clientCredentials(PresentedCredentials credentials, ScopeSet requested) {
        return endpoint.issue(credentials, new ClientCredentialsGrant(requested));
    }

    @Test
    void issuesAnRfc9068TokenForTheClientItself() {
        endpoint.register(myapp());

        Issued issued = issued(clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.of("write")));

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
    void noRefreshTokenForClientCredentialsEvenWhenTheClientHasTheRefreshGrant() {
        endpoint.register(endpoint.myapp());

        Issued issued = issued(clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.empty()));

        assertThat(issued.refreshToken()).isEmpty();
        assertThat(endpoint.refreshTokens.all()).isEmpty();
    }

    @Test
    void noScopeRequestedGivesTheDefaultScopes() {
        endpoint.register(myapp());

        Issued issued = issued(clientCredentials(PresentedCredentials.post(MYAPP, "secret"), ScopeSet.empty()));

        assertThat(issued.scope()).isEqualTo(ScopeSet.of("read"));
    }

    @Test
    void scopesBeyondTheAllowedAreInvalidScope() {
        endpoint.register(myapp());

        TokenResult result = clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.of("read", "admin"));

        assertThat(rejection(result)).isEqualTo(OAuthError.INVALID_SCOPE);
        assertThat(endpoint.signer.signed).isEmpty();
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorizedClient() {
        endpoint.register(myapp().grantTypes(EnumSet.of(GrantType.PASSWORD)));

        TokenResult result = clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.empty());

        assertThat(rejection(result)).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void aPublicClientIsUnauthorizedForClientCredentialsAndPassword() {
        endpoint.register(endpoint.spa()).admin();

        TokenResult clientCredentials = clientCredentials(TokenEndpoint.spaCredentials(), ScopeSet.empty());
        TokenResult password = endpoint.issue(TokenEndpoint.spaCredentials(),
                new PasswordGrant(new Username("admin"), "secret", ScopeSet.empty()));

        assertThat(rejection(clientCredentials)).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(rejection(password)).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(endpoint.signer.signed).isEmpty();
    }

    @Test
    void wrongSecretUnknownClientAndDisallowedMethodAreInvalidClient() {
        endpoint.register(myapp().authMethods(EnumSet.of(AuthMethod.CLIENT_SECRET_BASIC)));

        assertThat(List.of(
                clientCredentials(PresentedCredentials.basic(MYAPP, "wrong"), ScopeSet.empty()),
                clientCredentials(PresentedCredentials.basic(new ClientId("ghost"), "secret"), ScopeSet.empty()),
                clientCredentials(PresentedCredentials.post(MYAPP, "secret"), ScopeSet.empty()),
                clientCredentials(PresentedCredentials.publicClient(MYAPP), ScopeSet.empty())))
                .allSatisfy(result -> assertThat(rejection(result)).isEqualTo(OAuthError.INVALID_CLIENT));
        assertThat(endpoint.signer.signed).isEmpty();
    }

    @Test
    void anUnknownClientCostsASecretCheckAsAKnownOneDoes() {
        int before = endpoint.clientSecrets.checks.get();

        clientCredentials(PresentedCredentials.basic(new ClientId("ghost"), "secret"), ScopeSet.empty());

        assertThat(endpoint.clientSecrets.checks.get()).isEqualTo(before + 1);
    }

    @Test
    void perClientLifetimeAndAudienceOverrideTheDefaults() {
        endpoint.tokenSettings = new TokenSettings(Duration.ofSeconds(300), Optional.of("https://api.example.com"));
        endpoint.register(myapp().audience(List.of("orders")).accessTokenTtl(Duration.ofSeconds(60)));

        Issued issued = issued(clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.empty()));

        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(60));
        assertThat(issued.accessToken().claims().audience()).containsExactly("orders");
    }

    @Test
    void theServerDefaultsApplyWhenTheClientSetsNone() {
        endpoint.tokenSettings = new TokenSettings(Duration.ofSeconds(300), Optional.of("https://api.example.com"));
        endpoint.register(myapp());

        Issued issued = issued(clientCredentials(PresentedCredentials.basic(MYAPP, "secret"), ScopeSet.empty()));

        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(300));
        assertThat(issued.accessToken().claims().audience()).containsExactly("https://api.example.com");
    }

    @Test
    void aStoreOutageIsAFailureNotARejection() {
        MapClientRepository down = new MapClientRepository() {
            @Override
            public Optional<Client> findById(ClientId id) {
                throw new BackendUnavailableException("test store", new RuntimeException("down"));
            }
        };
        IssueTokenService service = new IssueTokenService(new ClientAuthenticator(down, endpoint.clientSecrets),
                new UserAuthenticator(endpoint.users, endpoint.passwords), endpoint.throttle,
                new AccessTokenMinter(endpoint.signer, new Fakes.CountingRandom(), endpoint.clock, endpoint.tokenSettings),
                new GrantStores(down, endpoint.users, endpoint.codes, endpoint.refreshTokens, endpoint.revocations),
                new Fakes.CountingRandom(), endpoint.clock, endpoint.refreshSettings);

        Assertions.assertThatThrownBy(() -> service.issue(new TokenRequest(PresentedCredentials.basic(MYAPP, "secret"),
                new ClientCredentialsGrant(ScopeSet.empty()), ISSUER, SOURCE)))
                .isInstanceOf(BackendUnavailableException.class);
    }
}
