package dev.portcullis.adapters.http.admin;

import dev.portcullis.application.port.in.ListSigningKeys;
import dev.portcullis.application.port.in.admin.CreateUser;
import dev.portcullis.application.port.in.admin.DeleteClient;
import dev.portcullis.application.port.in.admin.ListClients;
import dev.portcullis.application.port.in.admin.ReadUser;
import dev.portcullis.application.port.in.admin.RegisterClient;
import dev.portcullis.application.port.in.admin.RotateClientSecret;
import dev.portcullis.application.port.in.admin.UpdateClient;
import dev.portcullis.application.port.in.admin.UpdateUser;
import dev.portcullis.application.port.out.AuditTrail;
import java.util.Objects;

/**
 * The use cases behind the admin REST API ({@code /admin/clients}, {@code /admin/users}, {@code GET /admin/keys}),
 * and where admin changes are audited. Served beside the key rotation of {@code TokenLifecycle}, behind its admin scope.
 */
public record AdminUseCases(RegisterClient registerClient, ListClients listClients, UpdateClient updateClient,
                            RotateClientSecret rotateClientSecret, DeleteClient deleteClient, CreateUser createUser,
                            ReadUser readUser, UpdateUser updateUser, ListSigningKeys listSigningKeys, AuditTrail audit) {

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
    }
}
