package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.service.Fakes.PlainSecretHasher;
import dev.portcullis.application.service.UserAuthenticator.Authentication;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserAuthenticatorTest {

    private final PlainSecretHasher hasher = new PlainSecretHasher();
    private final Map<Username, User> realm = new HashMap<>();
    private final UserRepository users = new UserRepository() {
        @Override
        public Optional<User> findByUsername(Username username) {
            return Optional.ofNullable(realm.get(username));
        }

        @Override
        public void save(User user) {
            realm.put(user.username(), user);
        }

        @Override
        public boolean delete(Username username) {
            return realm.remove(username) != null;
        }
    };
    private final UserAuthenticator authenticator = new UserAuthenticator(users, hasher);

    private void user(String name, String password, User.Status status) {
        users.save(new User(new Username(name), hasher.hash(password), List.of("admin"), status));
    }

    @Test
    void theRightPasswordAuthenticates() {
        user("admin", "secret", User.Status.ENABLED);

        assertThat(authenticator.authenticate(new Username("admin"), "secret"))
                .isInstanceOfSatisfying(Authentication.Authenticated.class,
                        a -> assertThat(a.user().roles()).containsExactly("admin"));
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserAllFail() {
        user("admin", "secret", User.Status.ENABLED);
        user("gone", "secret", User.Status.DISABLED);

        assertThat(List.of(
                authenticator.authenticate(new Username("admin"), "wrong"),
                authenticator.authenticate(new Username("nobody"), "secret"),
                authenticator.authenticate(new Username("gone"), "secret")))
                .allSatisfy(result -> assertThat(result).isInstanceOf(Authentication.Failed.class));
    }

    @Test
    void anUnknownUserCostsAPasswordCheckAsAKnownOneDoes() {
        int before = hasher.checks.get();

        authenticator.authenticate(new Username("nobody"), "secret");

        assertThat(hasher.checks.get()).isEqualTo(before + 1);
    }
}
