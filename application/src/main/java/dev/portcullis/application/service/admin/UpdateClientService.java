package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.ClientChanges;
import dev.portcullis.application.port.in.admin.ClientSpec;
import dev.portcullis.application.port.in.admin.UpdateClient;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import java.util.Objects;
import java.util.Optional;

public final class UpdateClientService implements UpdateClient {

    private final ClientRepository clients;
    private final ClientRules rules;

    public UpdateClientService(ClientRepository clients, ClientRules rules) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public AdminResult<Client> replace(ClientId id, ClientSpec spec) {
        if (!spec.id().equals(id)) {
            return AdminResult.rejected(Rejection.INVALID, "client_id cannot change");
        }
        Optional<Client> stored = clients.findById(id);
        if (stored.isEmpty()) {
            return AdminResult.rejected(Rejection.NOT_FOUND, "no such client");
        }
        if (ClientSpecs.kindOf(stored.get()) != spec.kind()) {
            return AdminResult.rejected(Rejection.INVALID, "client_type cannot change: delete the client and register it again");
        }
        return save(ClientSpecs.build(spec, stored.get().secretHash(), rules));
    }

    @Override
    public AdminResult<Client> change(ClientId id, ClientChanges changes) {
        Optional<Client> stored = clients.findById(id);
        if (stored.isEmpty()) {
            return AdminResult.rejected(Rejection.NOT_FOUND, "no such client");
        }
        Client c = stored.get();
        ClientSpec merged = new ClientSpec(id, ClientSpecs.kindOf(c),
                changes.authMethods().orElse(c.authMethods()),
                changes.grantTypes().orElse(c.grantTypes()),
                changes.allowedScopes().orElse(c.allowedScopes()),
                changes.defaultScopes().orElse(c.defaultScopes()),
                changes.audience().orElse(c.audience()),
                changes.accessTokenTtl().or(c::accessTokenTtl),
                changes.redirectUris().orElse(c.redirectUris()));
        return save(ClientSpecs.build(merged, c.secretHash(), rules));
    }

    private AdminResult<Client> save(AdminResult<Client> built) {
        if (built instanceof AdminResult.Done<Client> done) {
            clients.save(done.value());
        }
        return built;
    }
}
