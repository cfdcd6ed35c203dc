package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;

/**
 * Operators' use case: change a user's password or roles, disable or re-enable them. A disabled user can no
 * longer log in or use the password grant; refresh tokens they hold stop refreshing.
 */
public interface UpdateUser {

    AdminResult<User> update(Username username, UserChanges changes);
}
