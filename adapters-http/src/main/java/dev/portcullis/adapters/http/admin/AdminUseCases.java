package dev.portcullis.adapters.http.admin;

import dev.portcullis.application.port.in.ListSigningKeys;
import dev.portcullis.application.port.in.admin.CreateUser;
import dev.portcullis.application.port.in.admin.DeleteClient;
import dev.portcullis.application.port.in.admin.ListClients;
import dev.portcullis.application.port.in.admin.ReadUser;
import dev.portcullis.application.port.in.admin.RegisterDynamicClient;
import dev.portcullis.application.port.in.admin.RegisterClient;
import dev.portcullis.application.port.in.admin.RotateClientSecret;
import dev.portcullis.application.port.in.admin.UpdateClient;
import dev.portcullis.application.port.in.admin.UpdateUser;
import dev.portcullis.application.port.out.AuditTrail;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases behind the admin REST API ({@code /admin/clients}, {@code /admin/users}, {@code GET /admin/keys}),
 * and where admin changes are audited. Served beside the key rotation of {@code TokenLifecycle}, behind its admin scope.
 */
public record AdminUseCases(RegisterClient registerClient, ListClients listClients, UpdateClient updateClient,
                            RotateClientSecret rotateClientSecret, DeleteClient deleteClient, CreateUser createUser,
                            ReadUser readUser, UpdateUser updateUser, ListSigningKeys listSigningKeys, AuditTrail audit,
                            Optional<Registration> registration) {

    /**
     * Dynamic client registration (RFC 7591) at {@code /register}, advertised as {@code registration_endpoint}.
     *
     * @param initialAccessToken what a registering client must present as its bearer token
     */
    public record Registration(RegisterDynamicClient register, String initialAccessToken, Clock clock) {
        public Registration {
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(clock, "clock");
            if (initialAccessToken == null || initialAccessToken.isEmpty()) {
                throw new IllegalArgumentException("registration needs an initial access token");
            }
        }

        @Override
        public String toString() {
            return "Registration[initial access token ***]";
        }
    }

    /** Without dynamic registration. */
    public AdminUseCases(RegisterClient registerClient, ListClients listClients, UpdateClient updateClient,
            RotateClientSecret rotateClientSecret, DeleteClient deleteClient, CreateUser createUser, ReadUser readUser,
            UpdateUser updateUser, ListSigningKeys listSigningKeys, AuditTrail audit) {
        this(registerClient, listClients, updateClient, rotateClientSecret, deleteClient, createUser, readUser, updateUser,
                listSigningKeys, audit, Optional.empty());
    }

    public AdminUseCases {
        Objects.requireNonNull(registerClient, "registerClient");
        Objects.requireNonNull(listClients, "listClients");
        Objects.requireNonNull(updateClient, "updateClient");
        Objects.requireNonNull(rotateClientSecret, "rotateClientSecret");
        Objects.requireNonNull(deleteClient, "deleteClient");
        Objects.requireNonNull(createUser, "createUser");
        Objects.requireNonNull(readUser, "readUser");
        Objects.requireNonNull(updateUser, "updateUser");
        Objects.requireNonNull(listSigningKeys, "listSigningKeys");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(registration, "registration");
    }
}
