package dev.portcullis.application.port.out.contract;

import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.List;

/** Users for tests: {@code Users.enabled("zoë", "admin")}. */
public final class Users {

    private Users() {}

    public static User enabled(String username, String... roles) {
        return new User(new Username(username), Fixtures.anySecretHash(), List.of(roles), User.Status.ENABLED);
    }

    public static User disabled(String username, String... roles) {
        return new User(new Username(username), Fixtures.anySecretHash(), List.of(roles), User.Status.DISABLED);
    }
}
