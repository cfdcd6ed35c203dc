package dev.portcullis.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link UserRepository} does. Extend it and return a new, empty repository from
 * {@link #newRepository()}; every test starts with its own.
 */
public abstract class UserRepositoryContract {

    /** A repository with no users in it; called once before each test. */
    protected abstract UserRepository newRepository();

    private UserRepository repository;

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThat(repository.findByUsername(new Username("nobody"))).isEmpty();
    }

    @Test
    void aUserRoundTripsWithEveryField() {
        User alice = Users.enabled("alice", "admin", "user", "auditor");

        repository.save(alice);

        User found = repository.findByUsername(new Username("alice")).orElseThrow();
        assertThat(found).isEqualTo(alice);
        assertThat(found.roles()).containsExactly("admin", "user", "auditor");
    }

    @Test
    void aDisabledUserStaysDisabled() {
        User bob = Users.disabled("bob");

        repository.save(bob);

        assertThat(repository.findByUsername(new Username("bob"))).contains(bob);
        assertThat(repository.findByUsername(new Username("bob")).orElseThrow().isEnabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zoë", "用户", "пользователь", "🦊👩‍💻", "mañana niño", "عربي", "a b", "$admin", "dot.name",
        "x@example.com"})
    void unicodeAndPunctuationInUsernamesRoundTrip(String name) {
        User user = Users.enabled(name, "rôle-é");

        repository.save(user);

        assertThat(repository.findByUsername(new Username(name))).contains(user);
    }

    @Test
    void theLongestUsernameRoundTrips() {
        String name = "用户🦊".repeat(63) + "zoë"; // 255 UTF-16 units, no surrogate pair cut in half
        User user = Users.enabled(name);

        repository.save(user);

        assertThat(repository.findByUsername(new Username(name))).contains(user);
    }

    @Test
    void usernamesAreComparedExactly() {
        User lower = Users.enabled("zoë");
        repository.save(lower);

        assertThat(repository.findByUsername(new Username("Zoë"))).isEmpty();
        assertThat(repository.findByUsername(new Username("zoe"))).isEmpty();
        assertThat(repository.findByUsername(new Username("zoë "))).isEmpty();
        assertThat(repository.findByUsername(new Username("zoë"))).contains(lower);
    }

    @Test
    void savingTheSameUsernameAgainReplacesTheUser() {
        User before = Users.enabled("alice", "user");
        User after = new User(new Username("alice"), new SecretHash("$2b$10$abcdefghijklmnopqrstuv"), List.of("admin"),
                User.Status.DISABLED);

        repository.save(before);
        repository.save(after);

        assertThat(repository.findByUsername(new Username("alice"))).contains(after);
        assertThat(repository.delete(new Username("alice"))).isTrue();
        assertThat(repository.findByUsername(new Username("alice"))).as("no second copy left behind").isEmpty();
    }

    @Test
    void deleteRemovesTheUserAndSaysSoOnce() {
        repository.save(Users.enabled("alice"));

        assertThat(repository.delete(new Username("alice"))).isTrue();
        assertThat(repository.findByUsername(new Username("alice"))).isEmpty();
        assertThat(repository.delete(new Username("alice"))).isFalse();
    }

    @Test
    void deletingAnUnknownUserIsFalseAndLeavesOthersAlone() {
        User bob = Users.enabled("bob");
        repository.save(bob);

        assertThat(repository.delete(new Username("nobody"))).isFalse();
        assertThat(repository.findByUsername(new Username("bob"))).contains(bob);
    }

    @Test
    void aUserWithoutRolesOrWithManyRolesRoundTrips() {
        User none = Users.enabled("none");
        User many = Users.enabled("many", IntStream.range(0, 1_000).mapToObj(i -> "role-" + i).toArray(String[]::new));

        repository.save(none);
        repository.save(many);

        assertThat(repository.findByUsername(new Username("none"))).contains(none);
        assertThat(repository.findByUsername(new Username("many"))).contains(many);
    }
}
