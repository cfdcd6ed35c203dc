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
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registers a client on its own request under a random id (128 bits), through the operators' {@link RegisterClient}, so
 * the operators' {@code ClientRules} (redirect URIs, lifetimes) apply too. A registrant gets less than an operator: only
 * the grant types the operator allowed for self-registered clients, never the password grant unless allowed
 * (RFC 9700 §2.4), and never a reserved scope.
 */
public final class RegisterDynamicClientService implements RegisterDynamicClient {

    static final int CLIENT_ID_BYTES = 16;

    /** The default of {@code registration.allowed-grant-types}: every grant but password, which RFC 9700 §2.4 retires. */
    public static final Set<GrantType> DEFAULT_ALLOWED_GRANT_TYPES = Collections.unmodifiableSet(
            EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS));

    private final RegisterClient registerClient;
    private final RandomSource random;
    private final ScopeSet reserved;
    private final Set<GrantType> allowedGrantTypes;

    /**
     * @param reserved          scopes a self-registered client may never hold (the admin and introspection scopes)
     * @param allowedGrantTypes the grant types a self-registered client may ask for
     */
    public RegisterDynamicClientService(RegisterClient registerClient, RandomSource random, ScopeSet reserved,
                                        Set<GrantType> allowedGrantTypes) {
        this.registerClient = Objects.requireNonNull(registerClient, "registerClient");
        this.random = Objects.requireNonNull(random, "random");
        this.reserved = Objects.requireNonNull(reserved, "reserved");
        this.allowedGrantTypes = Set.copyOf(allowedGrantTypes);
    }

    @Override
    public AdminResult<RegisteredClient> register(DynamicRegistration registration) {
        List<String> refused = registration.grantTypes().stream().filter(grant -> !allowedGrantTypes.contains(grant))
                .map(GrantType::wire).sorted().toList();
        if (!refused.isEmpty()) {
            return AdminResult.rejected(Rejection.INVALID, "grant_types: " + String.join(", ", refused)
                    + (refused.size() == 1 ? " is" : " are") + " not available to registered clients (allowed: "
                    + allowedGrantTypes.stream().map(GrantType::wire).sorted().collect(Collectors.joining(", ")) + ")");
        }
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
