package dev.portcullis.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

    private static final Issuer ISSUER = new Issuer("http://localhost:8080");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.750Z");

    @Test
    void timesAreWholeSecondsAndExpiryIsExclusive() {
        AccessTokenClaims claims = claims(NOW, NOW.plusSeconds(900));
        assertThat(claims.issuedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(claims.isExpiredAt(claims.expiresAt().minusMillis(1))).isFalse();
        assertThat(claims.isExpiredAt(claims.expiresAt())).isTrue();
    }

    @Test
    void refusesATokenThatExpiresBeforeItIsIssuedOrHasNoAudience() {
        assertThatThrownBy(() -> claims(NOW, NOW)).hasMessageContaining("expire after");
        assertThatThrownBy(() -> new AccessTokenClaims(ISSUER, "sub", List.of(), new ClientId("c"), ScopeSet.empty(),
                NOW, NOW.plusSeconds(1), new TokenId("j"), List.of())).hasMessageContaining("audience");
    }

    @Test
    void issuerIsAnHttpUrlWithoutQueryOrFragmentAndWithoutTrailingSlash() {
        assertThat(ISSUER.value()).isEqualTo("http://localhost:8080");
        assertThat(ISSUER.endpoint("/token")).isEqualTo("http://localhost:8080/token");
        assertThatThrownBy(() -> new Issuer("http://localhost:8080/")).as("compared exactly: no slash is tolerated")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Issuer("ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Issuer("https://x/?a=b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Issuer("https://x/#f")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opaqueTokenHashesAreStableSha256() {
        assertThat(OpaqueTokenHash.of("abc").value()).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
        assertThat(OpaqueTokenHash.of("abc")).isNotEqualTo(OpaqueTokenHash.of("abd"));
    }

    @Test
    void aSignedTokenIsACompactJwsOfThreeParts() {
        AccessTokenClaims claims = claims(NOW, NOW.plusSeconds(900));
        assertThat(new SignedAccessToken("h.p.s", claims).compact()).isEqualTo("h.p.s");
        for (String notCompact : List.of("h.p", "h.p.s.x", "", "hps", "h.p.s.")) {
            assertThatThrownBy(() -> new SignedAccessToken(notCompact, claims)).as(notCompact)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static AccessTokenClaims claims(Instant iat, Instant exp) {
        return new AccessTokenClaims(ISSUER, "myapp", List.of("api"), new ClientId("myapp"), ScopeSet.of("read"),
                iat, exp, new TokenId("jti-1"), List.of());
    }
}
