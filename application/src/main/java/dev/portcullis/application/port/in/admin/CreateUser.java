package dev.portcullis.application.port.in.admin;

import dev.portcullis.domain.user.User;

/** Operators' use case: add a user of the realm. */
public interface CreateUser {

    /** Rejected {@code CONFLICT} when the username is taken, {@code INVALID} for a password too short or too long. */
    AdminResult<User> create(NewUser user);
}
