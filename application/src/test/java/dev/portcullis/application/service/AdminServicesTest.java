package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.ClientChanges;
import dev.portcullis.application.port.in.admin.ClientSpec;
import dev.portcullis.application.port.in.admin.DynamicRegistration;
import dev.portcullis.application.port.in.admin.NewUser;
import dev.portcullis.application.port.in.admin.RegisteredClient;
import dev.portcullis.application.port.in.admin.UserChanges;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MapUserRepository;
import dev.portcullis.application.service.admin.ClientRules;
import dev.portcullis.application.service.admin.CreateUserService;
import dev.portcullis.application.service.admin.DeleteClientService;
import dev.portcullis.application.service.admin.ListClientsService;
import dev.portcullis.application.service.admin.RegisterClientService;
import dev.portcullis.application.service.admin.RegisterDynamicClientService;
import dev.portcullis.application.service.admin.RotateClientSecretService;
import dev.portcullis.application.service.admin.UpdateClientService;
import dev.portcullis.application.service.admin.UpdateUserService;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.RedirectUriPolicy;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The operators' use cases over the map fakes: outcomes, never call orders. */
class AdminServicesTest {

    private final MapClientRepository clients = new MapClientRepository();
    private final MapUserRepository users = new MapUserRepository();
    private final Fakes.PlainSecretHasher hasher = new Fakes.PlainSecretHasher();
    private final AtomicInteger generated = new AtomicInteger();
    private final RegisterClientService register = new RegisterClientService(clients, () -> "generated-" + generated.incrementAndGet(),
            hasher, ClientRules.strict());
    private final RotateClientSecretService rotate = new RotateClientSecretService(clients,
            () -> "generated-" + generated.incrementAndGet(), hasher);
    private final UpdateClientService update = new UpdateClientService(clients, ClientRules.strict());
    private final CreateUserService createUser = new CreateUserService(users, hasher);
    private final UpdateUserService updateUser = new UpdateUserService(users, hasher);

    private static <T> T done(AdminResult<T> result) {
        assertThat(result).isInstanceOf(AdminResult.Done.class);
        return ((AdminResult.Done<T>) result).value();
    }

    private static void rejected(AdminResult<?> result, Rejection rejection, String message) {
        assertThat(result).isInstanceOf(AdminResult.Rejected.class);
        AdminResult.Rejected<?> r = (AdminResult.Rejected<?>) result;
        assertThat(r.rejection()).isEqualTo(rejection);
        assertThat(r.message()).contains(message);
    }

    private static ClientSpec publicSpec(String id) {
        return new ClientSpec(new ClientId(id), ClientSpec.Kind.PUBLIC, Set.of(), Set.of(), ScopeSet.empty(), ScopeSet.empty(),
                List.of(), Optional.empty(), List.of(URI.create("https://spa.example/cb")));
    }

    @Test
    void aConfidentialClientGetsAGeneratedSecretStoredOnlyHashedAndTheDefaultsOfItsKind() {
        RegisteredClient registered = done(register.register(ClientSpec.confidential(new ClientId("svc"), ScopeSet.of("read"))));

        assertThat(registered.secret()).hasValue("generated-1");
        assertThat(registered.toString()).doesNotContain("generated-1");
        Client stored = clients.findById(new ClientId("svc")).orElseThrow();
        assertThat(stored.secretHash().orElseThrow().encoded()).isEqualTo("$plain$generated-1");
        assertThat(stored.authMethods()).containsExactlyInAnyOrder(AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST);
        assertThat(stored.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
    }

    @Test
    void aPublicClientHasNoSecretAndUsesTheCodeFlow() {
        RegisteredClient registered = done(register.register(publicSpec("spa")));

        assertThat(registered.secret()).isEmpty();
        assertThat(registered.client().isPublic()).isTrue();
        assertThat(registered.client().grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE);
        assertThat(generated).hasValue(0);
    }

    @Test
    void registrationRefusesATakenIdAndInvalidClientsWithoutStoringAnything() {
        done(register.register(ClientSpec.confidential(new ClientId("svc"), ScopeSet.of("read"))));
        rejected(register.register(ClientSpec.confidential(new ClientId("svc"), ScopeSet.of("write"))), Rejection.CONFLICT, "exists");
        assertThat(clients.findById(new ClientId("svc")).orElseThrow().allowedScopes()).isEqualTo(ScopeSet.of("read"));

        rejected(register.register(new ClientSpec(new ClientId("bad"), ClientSpec.Kind.CONFIDENTIAL, Set.of(AuthMethod.NONE),
                Set.of(), ScopeSet.empty(), ScopeSet.empty(), List.of(), Optional.empty(), List.of())), Rejection.INVALID,
                "none is for public clients");
        rejected(register.register(new ClientSpec(new ClientId("bad"), ClientSpec.Kind.PUBLIC, Set.of(),
                Set.of(GrantType.CLIENT_CREDENTIALS), ScopeSet.empty(), ScopeSet.empty(), List.of(), Optional.empty(), List.of())),
                Rejection.INVALID, "public client may only use");
        rejected(register.register(new ClientSpec(new ClientId("bad"), ClientSpec.Kind.CONFIDENTIAL, Set.of(), Set.of(),
                ScopeSet.of("a"), ScopeSet.of("b"), List.of(), Optional.empty(), List.of())), Rejection.INVALID, "default scopes");
        assertThat(clients.findById(new ClientId("bad"))).isEmpty();
    }

    @Test
    void changesKeepTheSecretAndTheKindAndReplacementsTakeDefaults() {
        done(register.register(new ClientSpec(new ClientId("svc"), ClientSpec.Kind.CONFIDENTIAL, Set.of(), Set.of(),
                ScopeSet.of("a", "b"), ScopeSet.of("a"), List.of("api"), Optional.of(Duration.ofMinutes(5)), List.of())));

        Client changed = done(update.change(new ClientId("svc"), new ClientChanges(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(ScopeSet.of("a", "b")), Optional.empty(), Optional.empty(), Optional.empty())));
        assertThat(changed.defaultScopes()).isEqualTo(ScopeSet.of("a", "b"));
        assertThat(changed.audience()).containsExactly("api");
        assertThat(changed.accessTokenTtl()).hasValue(Duration.ofMinutes(5));
        assertThat(changed.secretHash().orElseThrow().encoded()).isEqualTo("$plain$generated-1");

        Client replaced = done(update.replace(new ClientId("svc"), ClientSpec.confidential(new ClientId("svc"), ScopeSet.of("a"))));
        assertThat(replaced.audience()).isEmpty();
        assertThat(replaced.accessTokenTtl()).isEmpty();
        assertThat(replaced.secretHash()).isEqualTo(changed.secretHash());
        assertThat(clients.findById(new ClientId("svc"))).hasValue(replaced);

        rejected(update.replace(new ClientId("svc"), publicSpec("svc")), Rejection.INVALID, "client_type cannot change");
        rejected(update.replace(new ClientId("svc"), ClientSpec.confidential(new ClientId("other"), ScopeSet.empty())),
                Rejection.INVALID, "client_id cannot change");
        rejected(update.change(new ClientId("svc"), new ClientChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(ScopeSet.of("zzz")), Optional.empty(), Optional.empty(), Optional.empty())), Rejection.INVALID,
                "default scopes");
        assertThat(clients.findById(new ClientId("svc"))).as("a refused change stores nothing").hasValue(replaced);
        rejected(update.change(new ClientId("ghost"), ClientChanges.none()), Rejection.NOT_FOUND, "no such client");
        rejected(update.replace(new ClientId("ghost"), ClientSpec.confidential(new ClientId("ghost"), ScopeSet.empty())),
                Rejection.NOT_FOUND, "no such client");
    }

    @Test
    void rotatingASecretReplacesTheHashAndIsRefusedForPublicOrUnknownClients() {
        done(register.register(ClientSpec.confidential(new ClientId("svc"), ScopeSet.empty())));
        done(register.register(publicSpec("spa")));

        RegisteredClient rotated = done(rotate.rotate(new ClientId("svc")));

        assertThat(rotated.secret()).hasValue("generated-2");
        assertThat(clients.findById(new ClientId("svc")).orElseThrow().secretHash().orElseThrow().encoded())
                .isEqualTo("$plain$generated-2");
        rejected(rotate.rotate(new ClientId("spa")), Rejection.CONFLICT, "public client has no secret");
        rejected(rotate.rotate(new ClientId("ghost")), Rejection.NOT_FOUND, "no such client");
    }

    @Test
    void deletingAndListing() {
        done(register.register(ClientSpec.confidential(new ClientId("b"), ScopeSet.empty())));
        done(register.register(ClientSpec.confidential(new ClientId("a"), ScopeSet.empty())));
        assertThat(new ListClientsService(clients).list()).extracting(c -> c.id().value()).containsExactly("a", "b");

        DeleteClientService delete = new DeleteClientService(clients);
        assertThat(done(delete.delete(new ClientId("a")))).isEqualTo(new ClientId("a"));
        rejected(delete.delete(new ClientId("a")), Rejection.NOT_FOUND, "no such client");
        assertThat(new ListClientsService(clients).find(new ClientId("a"))).isEmpty();
    }

    @Test
    void usersAreCreatedWithAHashedPasswordAndRefusedWhenTakenOrWeak() {
        User alice = done(createUser.create(new NewUser(new Username("alice"), "correct horse", List.of("ops"))));

        assertThat(alice.passwordHash().encoded()).isEqualTo("$plain$correct horse");
        assertThat(alice.isEnabled()).isTrue();
        assertThat(new NewUser(new Username("x"), "correct horse", List.of()).toString()).doesNotContain("correct horse");
        rejected(createUser.create(new NewUser(new Username("alice"), "another one", List.of())), Rejection.CONFLICT, "exists");
        rejected(createUser.create(new NewUser(new Username("bob"), "short", List.of())), Rejection.INVALID, "at least 8");
        rejected(createUser.create(new NewUser(new Username("bob"), "é".repeat(37), List.of())), Rejection.INVALID, "at most 72 bytes");
        rejected(createUser.create(new NewUser(new Username("bob"), "long enough", List.of(" "))), Rejection.INVALID, "roles");
        assertThat(users.findByUsername(new Username("bob"))).isEmpty();
    }

    @Test
    void usersAreUpdatedAndDisabled() {
        done(createUser.create(new NewUser(new Username("alice"), "correct horse", List.of("ops"))));

        User changed = done(updateUser.update(new Username("alice"),
                new UserChanges(Optional.of("battery staple"), Optional.empty(), Optional.empty())));
        assertThat(changed.passwordHash().encoded()).isEqualTo("$plain$battery staple");
        assertThat(changed.roles()).containsExactly("ops");

        User disabled = done(updateUser.update(new Username("alice"), UserChanges.disable()));
        assertThat(disabled.isEnabled()).isFalse();
        assertThat(users.findByUsername(new Username("alice"))).hasValue(disabled);

        rejected(updateUser.update(new Username("alice"), new UserChanges(Optional.of("tiny"), Optional.empty(), Optional.empty())),
                Rejection.INVALID, "at least 8");
        rejected(updateUser.update(new Username("ghost"), UserChanges.disable()), Rejection.NOT_FOUND, "no such user");
    }

    @Test
    void aSelfRegisteredClientGetsARandomIdAndNeverAReservedScope() {
        RegisterDynamicClientService dynamic = new RegisterDynamicClientService(register, new Fakes.CountingRandom(),
                ScopeSet.of("admin", "introspect"), RegisterDynamicClientService.DEFAULT_ALLOWED_GRANT_TYPES);

        RegisteredClient registered = done(dynamic.register(new DynamicRegistration(AuthMethod.CLIENT_SECRET_BASIC,
                Set.of(GrantType.CLIENT_CREDENTIALS), ScopeSet.of("read"), List.of())));
        assertThat(registered.client().id().value()).isEqualTo("random-1");
        assertThat(registered.secret()).isPresent();
        assertThat(registered.client().defaultScopes()).isEqualTo(ScopeSet.of("read"));

        rejected(dynamic.register(new DynamicRegistration(AuthMethod.CLIENT_SECRET_BASIC, Set.of(GrantType.CLIENT_CREDENTIALS),
                ScopeSet.of("read", "admin"), List.of())), Rejection.INVALID, "scope admin is not available");
        RegisteredClient spa = done(dynamic.register(new DynamicRegistration(AuthMethod.NONE, Set.of(GrantType.AUTHORIZATION_CODE),
                ScopeSet.empty(), List.of(URI.create("https://spa.example/cb")))));
        assertThat(spa.client().isPublic()).isTrue();
        assertThat(spa.secret()).isEmpty();
        assertThat(new ListClientsService(clients).list()).hasSize(2);
    }

    private static ClientSpec withRedirect(String id, String uri) {
        return new ClientSpec(new ClientId(id), ClientSpec.Kind.PUBLIC, Set.of(), Set.of(), ScopeSet.empty(), ScopeSet.empty(),
                List.of(), Optional.empty(), List.of(URI.create("https://spa.example/cb"), URI.create(uri)));
    }

    @Test
    void aRedirectUriTheRuleRefusesIsRefusedOnRegistrationReplacementAndChangeAndNothingIsStored() {
        rejected(register.register(withRedirect("js", "javascript:alert(1)")), Rejection.INVALID_REDIRECT_URI,
                "redirect_uris: scheme javascript is not allowed");
        rejected(register.register(withRedirect("web", "http://app.example/cb")), Rejection.INVALID_REDIRECT_URI, "loopback");
        rejected(register.register(withRedirect("local", "http://localhost/cb")), Rejection.INVALID_REDIRECT_URI, "127.0.0.1");
        assertThat(clients.findById(new ClientId("js"))).isEmpty();

        done(register.register(publicSpec("spa")));
        rejected(update.replace(new ClientId("spa"), withRedirect("spa", "data:text/html,x")), Rejection.INVALID_REDIRECT_URI,
                "scheme data");
        rejected(update.change(new ClientId("spa"), new ClientChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(List.of(URI.create("https://*.spa.example/cb"))))),
                Rejection.INVALID_REDIRECT_URI, "wildcard");
        assertThat(clients.findById(new ClientId("spa")).orElseThrow().redirectUris())
                .containsExactly(URI.create("https://spa.example/cb"));
    }

    @Test
    void localhostOverHttpIsAllowedWhereTheRuleSaysSo() {
        RegisterClientService dev = new RegisterClientService(clients, () -> "s", hasher,
                new ClientRules(RedirectUriPolicy.DEV, ClientRules.DEFAULT_MAX_ACCESS_TOKEN_TTL));

        assertThat(done(dev.register(withRedirect("local", "http://localhost:3000/cb"))).client().redirectUris())
                .contains(URI.create("http://localhost:3000/cb"));
        rejected(dev.register(withRedirect("js", "javascript:alert(1)")), Rejection.INVALID_REDIRECT_URI, "javascript");
    }

    @Test
    void anAccessTokenLifetimeBeyondTheMaximumIsRefused() {
        ClientSpec day = new ClientSpec(new ClientId("day"), ClientSpec.Kind.CONFIDENTIAL, Set.of(), Set.of(), ScopeSet.empty(),
                ScopeSet.empty(), List.of(), Optional.of(Duration.ofDays(1)), List.of());
        assertThat(done(register.register(day)).client().accessTokenTtl()).hasValue(Duration.ofDays(1));

        ClientSpec longer = new ClientSpec(new ClientId("longer"), ClientSpec.Kind.CONFIDENTIAL, Set.of(), Set.of(),
                ScopeSet.empty(), ScopeSet.empty(), List.of(), Optional.of(Duration.ofSeconds(1_000_000_000_000L)), List.of());
        rejected(register.register(longer), Rejection.INVALID, "access_token_ttl must be at most 86400 seconds");
        rejected(update.change(new ClientId("day"), new ClientChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(Duration.ofDays(1).plusSeconds(1)), Optional.empty())),
                Rejection.INVALID, "at most 86400");
        assertThat(clients.findById(new ClientId("day")).orElseThrow().accessTokenTtl()).hasValue(Duration.ofDays(1));

        RegisterClientService generous = new RegisterClientService(clients, () -> "s", hasher,
                new ClientRules(RedirectUriPolicy.STRICT, Duration.ofDays(400)));
        assertThat(done(generous.register(new ClientSpec(new ClientId("year"), ClientSpec.Kind.CONFIDENTIAL, Set.of(), Set.of(),
                ScopeSet.empty(), ScopeSet.empty(), List.of(), Optional.of(Duration.ofDays(365)), List.of()))).client()
                .accessTokenTtl()).hasValue(Duration.ofDays(365));
    }

    @Test
    void aSelfRegisteredClientGetsOnlyTheGrantTypesTheOperatorAllowed() {
        RegisterDynamicClientService dynamic = new RegisterDynamicClientService(register, new Fakes.CountingRandom(),
                ScopeSet.empty(), RegisterDynamicClientService.DEFAULT_ALLOWED_GRANT_TYPES);

        rejected(dynamic.register(new DynamicRegistration(AuthMethod.CLIENT_SECRET_BASIC, Set.of(GrantType.PASSWORD),
                ScopeSet.empty(), List.of())), Rejection.INVALID, "grant_types: password is not available to registered clients "
                + "(allowed: authorization_code, client_credentials, refresh_token)");
        rejected(dynamic.register(new DynamicRegistration(AuthMethod.CLIENT_SECRET_BASIC,
                Set.of(GrantType.PASSWORD, GrantType.CLIENT_CREDENTIALS), ScopeSet.empty(), List.of())), Rejection.INVALID, "password");
        rejected(dynamic.register(new DynamicRegistration(AuthMethod.NONE, Set.of(GrantType.AUTHORIZATION_CODE), ScopeSet.empty(),
                List.of(URI.create("javascript:alert(1)")))), Rejection.INVALID_REDIRECT_URI, "javascript");
        assertThat(new ListClientsService(clients).list()).isEmpty();

        RegisterDynamicClientService legacy = new RegisterDynamicClientService(register, new Fakes.CountingRandom(),
                ScopeSet.empty(), Set.of(GrantType.PASSWORD));
        assertThat(done(legacy.register(new DynamicRegistration(AuthMethod.CLIENT_SECRET_BASIC, Set.of(GrantType.PASSWORD),
                ScopeSet.empty(), List.of()))).client().grantTypes()).containsExactly(GrantType.PASSWORD);
        rejected(legacy.register(new DynamicRegistration(AuthMethod.CLIENT_SECRET_BASIC, Set.of(GrantType.CLIENT_CREDENTIALS),
                ScopeSet.empty(), List.of())), Rejection.INVALID, "client_credentials is not available");
    }
}
