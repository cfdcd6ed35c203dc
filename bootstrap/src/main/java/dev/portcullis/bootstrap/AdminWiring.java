package dev.portcullis.bootstrap;

import dev.portcullis.adapters.crypto.SecretGenerator;
import dev.portcullis.adapters.http.admin.AdminUseCases;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.service.ListSigningKeysService;
import dev.portcullis.application.service.admin.ClientRules;
import dev.portcullis.application.service.admin.CreateUserService;
import dev.portcullis.application.service.admin.DeleteClientService;
import dev.portcullis.application.service.admin.ListClientsService;
import dev.portcullis.application.service.admin.ReadUserService;
import dev.portcullis.application.service.admin.RegisterClientService;
import dev.portcullis.application.service.admin.RegisterDynamicClientService;
import dev.portcullis.application.service.admin.RotateClientSecretService;
import dev.portcullis.application.service.admin.UpdateClientService;
import dev.portcullis.application.service.admin.UpdateUserService;
import dev.portcullis.bootstrap.config.RegistrationSettings;
import dev.portcullis.bootstrap.config.Settings;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Clock;
import java.util.Optional;

/**
 * Wires the operators' use cases over the configured storage: for the admin REST API and for the CLI. They write
 * to the shared store, so every node sees a change at its next read; nothing is cached in between.
 */
final class AdminWiring {

    private AdminWiring() {
    }

    /** The operators' rules of this configuration: its profile's redirect-URI rule, its maximum access-token lifetime. */
    static ClientRules clientRules(Settings settings) {
        return new ClientRules(settings.redirectUriPolicy(), settings.tokens().maxAccessTokenTtl());
    }

    static AdminUseCases useCases(Storage storage, ClientRules rules, SecretHasher clientSecrets, SecretHasher passwords,
            RandomSource random, Clock clock, AuditTrail audit) {
        return useCases(storage, rules, clientSecrets, passwords, random, clock, audit,
                new RegistrationSettings(Optional.empty(), RegisterDynamicClientService.DEFAULT_ALLOWED_GRANT_TYPES),
                ScopeSet.empty());
    }

    /**
     * @param registration when enabled, dynamic registration is served behind its initial access token
     * @param reserved     scopes a self-registered client may not hold (the admin and introspection scopes)
     */
    static AdminUseCases useCases(Storage storage, ClientRules rules, SecretHasher clientSecrets, SecretHasher passwords,
            RandomSource random, Clock clock, AuditTrail audit, RegistrationSettings registration, ScopeSet reserved) {
        SecretGenerator secrets = new SecretGenerator(random);
        RegisterClientService register = new RegisterClientService(storage.clients(), secrets, clientSecrets, rules);
        return new AdminUseCases(
                register,
                new ListClientsService(storage.clients()),
                new UpdateClientService(storage.clients(), rules),
                new RotateClientSecretService(storage.clients(), secrets, clientSecrets),
                new DeleteClientService(storage.clients()),
                new CreateUserService(storage.users(), passwords),
                new ReadUserService(storage.users()),
                new UpdateUserService(storage.users(), passwords),
                new ListSigningKeysService(storage.keys(), clock),
                audit,
                registration.initialAccessToken().map(token -> new AdminUseCases.Registration(
                        new RegisterDynamicClientService(register, random, reserved, registration.allowedGrantTypes()),
                        token, clock)));
    }
}
