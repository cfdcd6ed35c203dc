package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.adapters.memory.InMemoryUserRepository;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.bootstrap.config.ConfigLoader;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Settings;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Non-dev profiles refuse the dev user's password, whatever stores it. */
class ProductionGuardTest {

    private static final Settings PROD = Settings.from(ConfigLoader.load(Map.of("PORTCULLIS_PROFILE", "prod"), Optional.empty()));
    private static final Settings DEV = Settings.from(ConfigLoader.load(Map.of(), Optional.empty()));

    private final SecretHasher passwords = SecretHashers.forPasswords(4, Clock.systemUTC());
    private final InMemoryUserRepository users = new InMemoryUserRepository();

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
    void devAcceptsTheDevPassword() {
        admin("secret");

        assertThatCode(() -> ProductionGuard.checkUsers(DEV, users, passwords)).doesNotThrowAnyException();
    }
}
