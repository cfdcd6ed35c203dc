package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.adapters.memory.InMemoryClientRepository;
import dev.portcullis.adapters.memory.InMemoryUserRepository;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.bootstrap.config.ConfigLoader;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Settings;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-dev profiles refuse the dev user's password and the dev clients' secret, whatever stores them. */
class ProductionGuardTest {

    private static final Settings PROD = Settings.from(ConfigLoader.load(Map.of("PORTCULLIS_PROFILE", "prod"), Optional.empty()));
    private static final Settings DEV = Settings.from(ConfigLoader.load(Map.of(), Optional.empty()));

    private final SecretHasher passwords = SecretHashers.forPasswords(4, Clock.systemUTC());
    private final InMemoryUserRepository users = new InMemoryUserRepository();

    private final SecretHasher clientSecrets = SecretHashers.forClientSecrets(Clock.systemUTC());
    private final InMemoryClientRepository clients = new InMemoryClientRepository();

    private void client(String id, String secret) {
        clients.save(Client.confidential(new ClientId(id), clientSecrets.hash(secret))
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"myapp", "dev-admin"})
    void prodRefusesADevClientWithTheDevSecret(String id) {
        client(id, "secret");

        assertThatThrownBy(() -> ProductionGuard.checkStore(PROD, clients, clientSecrets))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + id + "'");
        assertThatCode(() -> ProductionGuard.checkStore(DEV, clients, clientSecrets)).doesNotThrowAnyException();
    }

    @Test
    void prodAcceptsTheDevClientIdsWithOtherSecrets() {
        client("myapp", "a-rotated-secret");
        client("dev-admin", "another-rotated-secret");

        assertThatCode(() -> ProductionGuard.checkStore(PROD, clients, clientSecrets)).doesNotThrowAnyException();
    }

    private void admin(String password) {
        users.save(new User(new Username("admin"), passwords.hash(password), List.of("admin"), User.Status.ENABLED));
    }

    @Test
    void prodRefusesTheAdminWithTheDevPassword() {
        admin("secret");

        assertThatThrownBy(() -> ProductionGuard.checkUsers(PROD, users, passwords))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("admin")
                .hasMessageNotContaining("secret");
    }

    @Test
    void prodAcceptsTheAdminWithAnotherPasswordOrNoAdminAtAll() {
        assertThatCode(() -> ProductionGuard.checkUsers(PROD, users, passwords)).doesNotThrowAnyException();
        admin("a-real-password");
        assertThatCode(() -> ProductionGuard.checkUsers(PROD, users, passwords)).doesNotThrowAnyException();
    }

    @Test
    void prodRefusesToDeriveTheIssuerFromAnyHost() {
        assertThatThrownBy(() -> ProductionGuard.checkSettings(PROD))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ISSUER").hasMessageContaining("ALLOWED_ISSUERS");
        assertThatCode(() -> ProductionGuard.checkSettings(prod("ISSUER", "https://auth.example.com"))).doesNotThrowAnyException();
        assertThatCode(() -> ProductionGuard.checkSettings(prod("ALLOWED_ISSUERS", "https://a.example https://b.example")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProductionGuard.checkSettings(DEV)).as("dev derives it from Host").doesNotThrowAnyException();
    }

    private static Settings prod(String variable, String value) {
        return Settings.from(ConfigLoader.load(Map.of("PORTCULLIS_PROFILE", "prod", variable, value), Optional.empty()));
    }

    @Test
    void devAcceptsTheDevPassword() {
        admin("secret");

        assertThatCode(() -> ProductionGuard.checkUsers(DEV, users, passwords)).doesNotThrowAnyException();
    }
}
