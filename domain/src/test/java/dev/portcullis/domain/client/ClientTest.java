package dev.portcullis.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.secret.SecretHash;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final ClientId ID = new ClientId("myapp");
    private static final SecretHash HASH = new SecretHash("$sha256$c2FsdA$aGFzaA");

    @Test
    void aConfidentialClientNeedsASecret() {
        assertThatThrownBy(() -> new Client(ID, Optional.empty(), EnumSet.of(AuthMethod.CLIENT_SECRET_BASIC),
                EnumSet.of(GrantType.CLIENT_CREDENTIALS), ScopeSet.empty(), ScopeSet.empty(), List.of(),
                Optional.empty(), List.of()))
                .hasMessageContaining("needs a secret");
    }

    @Test
    void aPublicClientHasNoSecretAndNoSecretMethod() {
        assertThatThrownBy(() -> Client.publicClient(ID).secretHash(HASH).build()).hasMessageContaining("no secret");
        assertThatThrownBy(() -> Client.publicClient(ID)
                .authMethods(EnumSet.of(AuthMethod.NONE, AuthMethod.CLIENT_SECRET_POST)).build())
                .hasMessageContaining("cannot also");
    }

    @Test
    void aPublicClientCannotUseClientCredentials() {
        assertThatThrownBy(() -> Client.publicClient(ID).grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS)).build())
                .hasMessageContaining("public client may only");
    }

    @Test
    void defaultScopesMustBeAllowed() {
        assertThatThrownBy(() -> Client.confidential(ID, HASH)
                .allowedScopes(ScopeSet.of("read")).defaultScopes(ScopeSet.of("write")).build())
                .hasMessageContaining("default scopes");
    }

    @Test
    void lifetimeMustBePositiveAndRedirectUrisAbsoluteWithoutFragment() {
        assertThatThrownBy(() -> Client.confidential(ID, HASH).accessTokenTtl(Duration.ZERO).build())
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Client.publicClient(ID).redirectUris(List.of(URI.create("/cb"))).build())
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> Client.publicClient(ID).redirectUris(List.of(URI.create("https://a/cb#x"))).build())
                .hasMessageContaining("fragment");
    }

    @Test
    void aValidClientAnswersWhatItMayDo() {
        Client client = Client.confidential(ID, HASH).allowedScopes(ScopeSet.of("read", "write"))
                .defaultScopes(ScopeSet.of("read")).build();
        assertThat(client.allows(GrantType.CLIENT_CREDENTIALS)).isTrue();
        assertThat(client.allows(GrantType.PASSWORD)).isFalse();
        assertThat(client.accepts(AuthMethod.CLIENT_SECRET_BASIC)).isTrue();
        assertThat(client.accepts(AuthMethod.NONE)).isFalse();
        assertThat(client.toBuilder().build()).isEqualTo(client);
    }

    @Test
    void clientIdsAreVisibleAscii() {
        assertThat(ClientId.isValid("my app~1")).isTrue();
        assertThat(ClientId.isValid("")).isFalse();
        assertThat(ClientId.isValid("caf\u00e9")).isFalse();
        assertThat(ClientId.isValid("a\nb")).isFalse();
        assertThat(ClientId.isValid("x".repeat(256))).isFalse();
    }

    @Test
    void presentedCredentialsNeverPrintTheSecret() {
        PresentedCredentials credentials = PresentedCredentials.basic(ID, "s3cr3t-value");
        assertThat(credentials.toString()).doesNotContain("s3cr3t-value").contains("myapp");
        assertThatThrownBy(() -> new PresentedCredentials(ID, AuthMethod.NONE, Optional.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
