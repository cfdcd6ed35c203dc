package dev.portcullis.bootstrap;

import dev.portcullis.adapters.crypto.SecretGenerator;
import dev.portcullis.adapters.http.admin.AdminUseCases;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.service.ListSigningKeysService;
import dev.portcullis.application.service.admin.CreateUserService;
import dev.portcullis.application.service.admin.DeleteClientService;
import dev.portcullis.application.service.admin.ListClientsService;
import dev.portcullis.application.service.admin.ReadUserService;
import dev.portcullis.application.service.admin.RegisterClientService;
import dev.portcullis.application.service.admin.RegisterDynamicClientService;
import dev.portcullis.domain.scope.ScopeSet;
import java.util.Optional;
import dev.portcullis.application.service.admin.RotateClientSecretService;
import dev.portcullis.application.service.admin.UpdateClientService;
import dev.portcullis.application.service.admin.UpdateUserService;
import java.time.Clock;

/**
 * Wires the operators' use cases over the configured storage: for the admin REST API and for the CLI. They write
 * to the shared store, so every node sees a change at its next read; nothing is cached in between.
 */
final class AdminWiring {

    private AdminWiring() {
    }

    static AdminUseCases useCases(Storage storage, SecretHasher clientSecrets, SecretHasher passwords, RandomSource random,
            Clock clock, AuditTrail audit) {
        return useCases(storage, clientSecrets, passwords, random, clock, audit, Optional.empty(), ScopeSet.empty());
    }

    /**
     * @param initialAccessToken when present, dynamic registration is served behind it
     * @param reserved           scopes a self-registered client may not hold (the admin and introspection scopes)
     */
    static AdminUseCases useCases(Storage storage, SecretHasher clientSecrets, SecretHasher passwords, RandomSource random,
            Clock clock, AuditTrail audit, Optional<String> initialAccessToken, ScopeSet reserved) {
        SecretGenerator secrets = new SecretGenerator(random);
        RegisterClientService register = new RegisterClientService(storage.clients(), secrets, clientSecrets);
        return new AdminUseCases(
                register,
                new ListClientsService(storage.clients()),
                new UpdateClientService(storage.clients()),
                new RotateClientSecretService(storage.clients(), secrets, clientSecrets),
                new DeleteClientService(storage.clients()),
                new CreateUserService(storage.users(), passwords),
                new ReadUserService(storage.users()),
                new UpdateUserService(storage.users(), passwords),
                new ListSigningKeysService(storage.keys(), clock),
                audit,
                initialAccessToken.map(token -> new AdminUseCases.Registration(
                        new RegisterDynamicClientService(register, random, reserved), token, clock)));
    }
}
