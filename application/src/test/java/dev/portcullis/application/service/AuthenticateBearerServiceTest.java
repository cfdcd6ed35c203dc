package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.AuthenticateBearer.BearerResult;
import dev.portcullis.application.port.in.AuthenticateBearer.BearerResult.Authenticated;
import dev.portcullis.application.port.in.AuthenticateBearer.BearerResult.Refused;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.service.Fakes.RecordingSigner;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.TokenId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticateBearerServiceTest {

    private static final Issuer ISSUER = new Issuer("https://auth.example.com");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final RecordingSigner signer = new RecordingSigner();
    private final Set<TokenId> revoked = new HashSet<>();
    private final RevocationList revocations = new RevocationList() {
        @Override
        public void revoke(TokenId id, Instant until) {
            revoked.add(id);
        }

        @Override
        public boolean isRevoked(TokenId id) {
            return revoked.contains(id);
        }
    };
    private final AuthenticateBearerService service =
            new AuthenticateBearerService(signer, revocations, TokenSettings.defaults());

    private String token(Issuer issuer, List<String> audience, ScopeSet scope) {
        return signer.sign(new AccessTokenClaims(issuer, "myapp", audience, new ClientId("myapp"), scope, NOW,
                NOW.plusSeconds(900), new TokenId("jti-" + signer.signed.size()), List.of())).compact();
    }

    private String goodToken() {
        return token(ISSUER, List.of(ISSUER.value()), ScopeSet.of("read", "write"));
    }

    @Test
    void acceptsAValidTokenWithTheRequiredScopes() {
        BearerResult result = service.authenticate(goodToken(), ISSUER, ScopeSet.of("read"));

        assertThat(result).isInstanceOfSatisfying(Authenticated.class,
                a -> assertThat(a.claims().subject()).isEqualTo("myapp"));
    }

    @Test
    void refusesWhatTheVerifierRefuses() {
        assertRefused(service.authenticate("not.a.token", ISSUER, ScopeSet.empty()), OAuthError.INVALID_TOKEN);
    }

    @Test
    void refusesAnotherIssuer() {
        String foreign = token(new Issuer("https://evil.example.com"), List.of(ISSUER.value()), ScopeSet.empty());
        assertRefused(service.authenticate(foreign, ISSUER, ScopeSet.empty()), OAuthError.INVALID_TOKEN);
    }

    @Test
    void refusesAnotherAudience() {
        String elsewhere = token(ISSUER, List.of("https://other-api.example.com"), ScopeSet.empty());
        assertRefused(service.authenticate(elsewhere, ISSUER, ScopeSet.empty()), OAuthError.INVALID_TOKEN);
    }

    @Test
    void refusesARevokedToken() {
        String token = goodToken();
        revoked.add(signer.issued.get(token).jwtId());
        assertRefused(service.authenticate(token, ISSUER, ScopeSet.empty()), OAuthError.INVALID_TOKEN);
    }

    @Test
    void insufficientScopeIsItsOwnError() {
        assertRefused(service.authenticate(goodToken(), ISSUER, ScopeSet.of("admin")), OAuthError.INSUFFICIENT_SCOPE);
    }

    private static void assertRefused(BearerResult result, OAuthError error) {
        assertThat(result).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.error()).isEqualTo(error));
    }
}
