package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.ClientSpec;
import dev.portcullis.application.port.in.admin.DynamicRegistration;
import dev.portcullis.application.port.in.admin.RegisterClient;
import dev.portcullis.application.port.in.admin.RegisterDynamicClient;
import dev.portcullis.application.port.in.admin.RegisteredClient;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Registers a client on its own request under a random id (128 bits), through the operators' {@link RegisterClient}. */
public final class RegisterDynamicClientService implements RegisterDynamicClient {

    static final int CLIENT_ID_BYTES = 16;

    private final RegisterClient registerClient;
    private final RandomSource random;
    private final ScopeSet reserved;

    /** @param reserved scopes a self-registered client may never hold (the admin and introspection scopes) */
    public RegisterDynamicClientService(RegisterClient registerClient, RandomSource random, ScopeSet reserved) {
        this.registerClient = Objects.requireNonNull(registerClient, "registerClient");
        this.random = Objects.requireNonNull(random, "random");
        this.reserved = Objects.requireNonNull(reserved, "reserved");
    }

    @Override
    public AdminResult<RegisteredClient> register(DynamicRegistration registration) {
        if (!registration.scope().intersect(reserved).isEmpty()) {
            return AdminResult.rejected(Rejection.INVALID, "scope " + registration.scope().intersect(reserved).wire()
                    + " is not available to registered clients");
        }
        ClientSpec.Kind kind = registration.authMethod() == AuthMethod.NONE ? ClientSpec.Kind.PUBLIC : ClientSpec.Kind.CONFIDENTIAL;
        ClientSpec spec = new ClientSpec(new ClientId(random.nextToken(CLIENT_ID_BYTES)), kind, Set.of(registration.authMethod()),
                registration.grantTypes(), registration.scope(), registration.scope(), List.of(), Optional.empty(),
                registration.redirectUris());
        return registerClient.register(spec);
    }
}
