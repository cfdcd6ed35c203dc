package dev.portcullis.domain.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantsTest {

    private static final String CODE = "SplxlOBeZQQYbYS6WxSbIA";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void eachGrantNamesItsType() {
        assertThat(new AuthorizationCodeGrant(CODE, Optional.empty(), VERIFIER).type()).isEqualTo(GrantType.AUTHORIZATION_CODE);
        assertThat(new PasswordGrant(new Username("admin"), "pw", ScopeSet.empty()).type()).isEqualTo(GrantType.PASSWORD);
        assertThat(new RefreshTokenGrant("rt", ScopeSet.empty()).type()).isEqualTo(GrantType.REFRESH_TOKEN);
    }

    @Test
    void noGrantPrintsItsSecrets() {
        String code = new AuthorizationCodeGrant(CODE, Optional.of(URI.create("https://app.example/cb")), VERIFIER).toString();
        String password = new PasswordGrant(new Username("admin"), "hunter2-pw", ScopeSet.of("read")).toString();
        String refresh = new RefreshTokenGrant("rt-secret-value", ScopeSet.of("read")).toString();

        assertThat(code).doesNotContain(CODE).doesNotContain(VERIFIER).contains("https://app.example/cb");
        assertThat(password).doesNotContain("hunter2-pw").contains("admin").contains("read");
        assertThat(refresh).doesNotContain("rt-secret-value").contains("read");
    }

    @Test
    void emptyOrMissingCredentialsCannotBeRepresented() {
        assertThatThrownBy(() -> new AuthorizationCodeGrant("", Optional.empty(), VERIFIER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationCodeGrant(CODE, Optional.empty(), "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationCodeGrant(null, Optional.empty(), VERIFIER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationCodeGrant(CODE, null, VERIFIER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PasswordGrant(new Username("admin"), "", ScopeSet.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordGrant(null, "pw", ScopeSet.empty())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RefreshTokenGrant("", ScopeSet.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshTokenGrant("rt", null)).isInstanceOf(NullPointerException.class);
    }
}
