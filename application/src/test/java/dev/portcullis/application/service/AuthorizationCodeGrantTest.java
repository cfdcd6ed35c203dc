package dev.portcullis.application.service;

import static dev.portcullis.application.service.TokenEndpoint.MYAPP;
import static dev.portcullis.application.service.TokenEndpoint.NOW;
import static dev.portcullis.application.service.TokenEndpoint.SPA;
import static dev.portcullis.application.service.TokenEndpoint.SPA_CALLBACK;
import static dev.portcullis.application.service.TokenEndpoint.issued;
import static dev.portcullis.application.service.TokenEndpoint.myappCredentials;
import static dev.portcullis.application.service.TokenEndpoint.rejection;
import static dev.portcullis.application.service.TokenEndpoint.spaCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.6), and replay (§4.1.2). */
class AuthorizationCodeGrantTest {

    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CODE = "code-for-the-spa-0123456789";
    private static final TokenId JTI = new TokenId("jti-chosen-with-the-code");
    private static final FamilyId FAMILY = new FamilyId("family-chosen-with-the-code");

    private final TokenEndpoint endpoint = new TokenEndpoint();

    private static AuthorizationCode code(String value, ClientId client, URI redirectUri) {
        return new AuthorizationCode(OpaqueTokenHash.of(value), client, redirectUri, PkceChallenge.fromVerifier(VERIFIER),
                "admin", List.of("admin"), ScopeSet.of("read"), NOW.plusSeconds(60), JTI, FAMILY);
    }

    private TokenEndpoint spaWithCode() {
        endpoint.register(endpoint.spa()).admin();
        endpoint.codes.save(code(CODE, SPA, SPA_CALLBACK));
        return endpoint;
    }

    private TokenResult exchange(PresentedCredentials credentials, String code, Optional<URI> redirectUri, String verifier) {
        return endpoint.issue(credentials, new AuthorizationCodeGrant(code, redirectUri, verifier));
    }

    private TokenResult exchange() {
        return exchange(spaCredentials(), CODE, Optional.of(SPA_CALLBACK), VERIFIER);
    }

    @Test
    void theCodeIsExchangedForTheTokensItWasIssuedFor() {
        spaWithCode();

        Issued issued = issued(exchange());

        AccessTokenClaims claims = issued.accessToken().claims();
        assertThat(claims.jwtId()).as("the jti chosen with the code").isEqualTo(JTI);
        assertThat(claims.subject()).isEqualTo("admin");
        assertThat(claims.roles()).containsExactly("admin");
        assertThat(claims.clientId()).isEqualTo(SPA);
        assertThat(claims.scope()).isEqualTo(ScopeSet.of("read"));
        assertThat(issued.scope()).isEqualTo(ScopeSet.of("read"));
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void theRefreshTokenStartsTheFamilyTheCodeNames() {
        spaWithCode();

        RefreshToken stored = endpoint.stored(issued(exchange()).refreshToken().orElseThrow());

        assertThat(stored.family()).isEqualTo(FAMILY);
        assertThat(stored.accessTokenId()).isEqualTo(JTI);
        assertThat(stored.clientId()).isEqualTo(SPA);
        assertThat(stored.subject()).isEqualTo("admin");
        assertThat(stored.scope()).isEqualTo(ScopeSet.of("read"));
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(RefreshTokenSettings.DEFAULT_IDLE_TTL));
    }

    @Test
    void noRefreshTokenWhenTheClientLacksTheRefreshGrant() {
        endpoint.register(endpoint.spa().grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE))).admin();
        endpoint.codes.save(code(CODE, SPA, SPA_CALLBACK));

        assertThat(issued(exchange()).refreshToken()).isEmpty();
        assertThat(endpoint.refreshTokens.all()).isEmpty();
    }

    @Test
    void aConfidentialClientAuthenticatesAsWell() {
        URI callback = URI.create("https://app.example/callback");
        endpoint.register(endpoint.myapp()).admin();
        endpoint.codes.save(code(CODE, MYAPP, callback));

        assertThat(issued(exchange(myappCredentials(), CODE, Optional.of(callback), VERIFIER)).accessToken().claims().clientId())
                .isEqualTo(MYAPP);
        assertThat(rejection(exchange(PresentedCredentials.basic(MYAPP, "wrong"), CODE, Optional.of(callback), VERIFIER)))
                .isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void anUnknownCodeIsInvalidGrant() {
        spaWithCode();

        assertThat(rejection(exchange(spaCredentials(), "no-such-code", Optional.of(SPA_CALLBACK), VERIFIER)))
                .isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.revocations.until()).isEmpty();
    }

    @Test
    void anExpiredCodeIsInvalidGrant() {
        spaWithCode();
        endpoint.clock.advance(Duration.ofSeconds(60));

        assertThat(rejection(exchange())).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.signer.signed).isEmpty();
    }

    @Test
    void aReplayIsInvalidGrantAndRevokesEverythingTheCodeIssued() {
        spaWithCode();
        Issued first = issued(exchange());
        String refresh = first.refreshToken().orElseThrow();
        endpoint.clock.advance(Duration.ofSeconds(5));

        TokenResult replay = exchange();

        assertThat(rejection(replay)).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.revocations.isRevoked(JTI)).as("the access token of the first exchange").isTrue();
        assertThat(endpoint.revocations.until().get(JTI)).as("until it would have expired anyway")
                .isEqualTo(NOW.plusSeconds(5).plusSeconds(900));
        assertThat(endpoint.stored(refresh).state()).isEqualTo(RefreshToken.State.REVOKED);
        assertThat(rejection(endpoint.issue(spaCredentials(), new RefreshTokenGrant(refresh, ScopeSet.empty()))))
                .isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.signer.signed).hasSize(1);
    }

    @Test
    void aReplayRevokesTheAccessTokensOfRotationsToo() {
        spaWithCode();
        String refresh = issued(exchange()).refreshToken().orElseThrow();
        Issued rotated = issued(endpoint.issue(spaCredentials(), new RefreshTokenGrant(refresh, ScopeSet.empty())));

        exchange();

        assertThat(endpoint.revocations.isRevoked(rotated.accessToken().claims().jwtId())).isTrue();
        assertThat(endpoint.stored(rotated.refreshToken().orElseThrow()).state()).isEqualTo(RefreshToken.State.REVOKED);
    }

    @Test
    void aReplayByAnotherClientStillRevokesAndLastsTheOwnersLifetime() {
        endpoint.register(endpoint.spa().accessTokenTtl(Duration.ofHours(2))).register(endpoint.myapp()).admin();
        endpoint.codes.save(code(CODE, SPA, SPA_CALLBACK));
        issued(exchange());

        TokenResult replay = exchange(myappCredentials(), CODE, Optional.of(SPA_CALLBACK), VERIFIER);

        assertThat(rejection(replay)).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.revocations.until().get(JTI)).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void aReplayOfADeletedClientsCodeRevokesForTheServerDefault() {
        spaWithCode();
        issued(exchange());
        endpoint.clients.delete(SPA);
        endpoint.register(endpoint.myapp());

        exchange(myappCredentials(), CODE, Optional.of(SPA_CALLBACK), VERIFIER);

        assertThat(endpoint.revocations.until().get(JTI)).isEqualTo(NOW.plusSeconds(900));
    }

    @Test
    void aCodeOfAnotherClientIsInvalidGrantAndIsSpent() {
        endpoint.register(endpoint.myapp());
        spaWithCode();

        TokenResult stolen = exchange(myappCredentials(), CODE, Optional.of(SPA_CALLBACK), VERIFIER);

        assertThat(rejection(stolen)).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.signer.signed).isEmpty();
        assertThat(rejection(exchange())).as("a failed exchange spends the code").isEqualTo(OAuthError.INVALID_GRANT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9998/callback", "http://127.0.0.1:9999/callback/", "http://127.0.0.1:9999/Callback",
            "HTTP://127.0.0.1:9999/callback", "http://127.0.0.1:9999/callback?x=1", "http://localhost:9999/callback"})
    void aRedirectUriThatIsNotIdenticalIsInvalidGrant(String sent) {
        spaWithCode();

        assertThat(rejection(exchange(spaCredentials(), CODE, Optional.of(URI.create(sent)), VERIFIER)))
                .isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.signer.signed).isEmpty();
    }

    @Test
    void anOmittedRedirectUriIsInvalidRequest() {
        spaWithCode();

        assertThat(rejection(exchange(spaCredentials(), CODE, Optional.empty(), VERIFIER))).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(endpoint.signer.signed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK", "too-short",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk!", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"})
    void aVerifierThatDoesNotMeetTheChallengeIsInvalidGrant(String verifier) {
        spaWithCode();

        assertThat(rejection(exchange(spaCredentials(), CODE, Optional.of(SPA_CALLBACK), verifier))).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(endpoint.signer.signed).isEmpty();
        assertThat(rejection(exchange())).as("one guess per code").isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void theClientIsCheckedBeforeTheRedirectUriAndTheRedirectUriBeforeTheVerifier() {
        endpoint.register(endpoint.myapp());
        spaWithCode();
        endpoint.codes.save(code("second-code", SPA, SPA_CALLBACK));

        assertThat(rejection(exchange(myappCredentials(), CODE, Optional.empty(), "wrong"))).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(rejection(exchange(spaCredentials(), "second-code", Optional.empty(), "wrong"))).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorizedClientAndLeavesTheCodeAlone() {
        endpoint.register(endpoint.myapp().grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS)));
        spaWithCode();

        assertThat(rejection(exchange(myappCredentials(), CODE, Optional.of(SPA_CALLBACK), VERIFIER)))
                .isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(issued(exchange()).accessToken().claims().jwtId()).isEqualTo(JTI);
    }

    @Test
    void anUnknownPublicClientIsInvalidClientAndLeavesTheCodeAlone() {
        spaWithCode();

        assertThat(rejection(exchange(PresentedCredentials.publicClient(new ClientId("ghost")), CODE, Optional.of(SPA_CALLBACK), VERIFIER)))
                .isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(issued(exchange()).accessToken().claims().jwtId()).isEqualTo(JTI);
    }
}
