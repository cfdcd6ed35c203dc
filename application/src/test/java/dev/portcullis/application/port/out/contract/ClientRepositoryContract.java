package dev.portcullis.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClientRepository} does. Extend it and return a new, empty repository from
 * {@link #newRepository()}; every test starts with its own.
 */
public abstract class ClientRepositoryContract {

    /** A repository with no clients in it; called once before each test. */
    protected abstract ClientRepository newRepository();

    private ClientRepository repository;

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(repository.findById(new ClientId("nobody"))).isEmpty();
    }

    @Test
    void anEmptyRepositoryListsNothing() {
        assertThat(repository.findAll()).isEmpty();
    }

    @Test
    void aConfidentialClientRoundTripsWithEveryField() {
        Client client = Clients.fullyLoaded("myapp");

        repository.save(client);

        assertThat(repository.findById(new ClientId("myapp"))).contains(client);
    }

    @Test
    void aPublicClientRoundTripsWithoutSecretOrLifetime() {
        Client client = Clients.publicClient("spa").build();

        repository.save(client);

        Client found = repository.findById(new ClientId("spa")).orElseThrow();
        assertThat(found).isEqualTo(client);
        assertThat(found.secretHash()).isEmpty();
        assertThat(found.accessTokenTtl()).isEmpty();
        assertThat(found.isPublic()).isTrue();
    }

    @Test
    void aMinimalClientRoundTripsWithEmptyCollections() {
        Client client = Clients.confidential("bare").build();

        repository.save(client);

        Client found = repository.findById(new ClientId("bare")).orElseThrow();
        assertThat(found).isEqualTo(client);
        assertThat(found.allowedScopes().isEmpty()).isTrue();
        assertThat(found.audience()).isEmpty();
        assertThat(found.redirectUris()).isEmpty();
    }

    @Test
    void savingTheSameIdAgainReplacesTheClient() {
        Client first = Clients.confidential("myapp").allowedScopes(ScopeSet.of("read")).build();
        Client second = Clients.confidential("myapp").allowedScopes(ScopeSet.of("read", "write"))
                .accessTokenTtl(Duration.ofMinutes(5)).build();

        repository.save(first);
        repository.save(second);

        assertThat(repository.findById(new ClientId("myapp"))).contains(second);
        assertThat(repository.findAll()).containsExactly(second);
    }

    @Test
    void replacingCanRemoveOptionalFields() {
        Client loaded = Clients.fullyLoaded("myapp");
        Client plain = Clients.confidential("myapp").build();

        repository.save(loaded);
        repository.save(plain);

        Client found = repository.findById(new ClientId("myapp")).orElseThrow();
        assertThat(found).isEqualTo(plain);
        assertThat(found.accessTokenTtl()).isEmpty();
        assertThat(found.audience()).isEmpty();
    }

    @Test
    void aConfidentialClientCanBecomePublic() {
        repository.save(Clients.confidential("app").build());
        Client publicApp = Clients.publicClient("app").build();

        repository.save(publicApp);

        assertThat(repository.findById(new ClientId("app"))).contains(publicApp);
    }

    @Test
    void deleteRemovesTheClientAndSaysSoOnce() {
        repository.save(Clients.confidential("myapp").build());

        assertThat(repository.delete(new ClientId("myapp"))).isTrue();
        assertThat(repository.findById(new ClientId("myapp"))).isEmpty();
        assertThat(repository.delete(new ClientId("myapp"))).isFalse();
        assertThat(repository.findAll()).isEmpty();
    }

    @Test
    void deletingAnUnknownIdIsFalse() {
        repository.save(Clients.confidential("other").build());

        assertThat(repository.delete(new ClientId("nobody"))).isFalse();
        assertThat(repository.findAll()).hasSize(1);
    }

    @Test
    void deleteLeavesOtherClientsAlone() {
        Client keep = Clients.confidential("keep").build();
        repository.save(keep);
        repository.save(Clients.confidential("drop").build());

        repository.delete(new ClientId("drop"));

        assertThat(repository.findAll()).containsExactly(keep);
    }

    @Test
    void findAllListsEveryClientOnceInIdOrder() {
        List<Client> clients = IntStream.range(0, 50)
                .mapToObj(i -> Clients.confidential(String.format("client-%02d", (i * 7) % 50)).build())
                .toList();
        clients.forEach(repository::save);

        List<Client> all = repository.findAll();

        assertThat(all).containsExactlyInAnyOrderElementsOf(clients);
        assertThat(all).isSortedAccordingTo(Comparator.comparing(c -> c.id().value()));
    }

    @Test
    void idsAreCaseSensitive() {
        Client lower = Clients.confidential("myapp").build();
        Client upper = Clients.confidential("MYAPP").build();

        repository.save(lower);
        repository.save(upper);

        assertThat(repository.findById(new ClientId("myapp"))).contains(lower);
        assertThat(repository.findById(new ClientId("MYAPP"))).contains(upper);
        assertThat(repository.findById(new ClientId("MyApp"))).isEmpty();
    }

    @Test
    void idsMayUseEveryVisibleAsciiCharacterAndSpaces() {
        String[] ids = {
            "my app", " leading and trailing ", "$dollar", "dot.ted.id", "a\"quote'", "{\"json\":1}",
            "back\\slash", "~!@#%^&*()_+-=[]|;:,<>/?`", "x".repeat(ClientId.MAX_LENGTH),
        };
        for (String id : ids) {
            repository.save(Clients.confidential(id).build());
        }

        for (String id : ids) {
            assertThat(repository.findById(new ClientId(id))).as(id).map(c -> c.id().value()).contains(id);
        }
        assertThat(repository.findAll()).hasSize(ids.length);
    }

    @Test
    void largeClientsRoundTrip() {
        Client big = Clients.confidential("big")
                .allowedScopes(Clients.manyScopes(500))
                .defaultScopes(Clients.manyScopes(250))
                .audience(IntStream.range(0, 200).mapToObj(i -> "https://api" + i + ".example").toList())
                .redirectUris(Clients.manyRedirectUris(1_000))
                .build();

        repository.save(big);

        assertThat(repository.findById(new ClientId("big"))).contains(big);
    }

    @Test
    void listOrderIsKeptForAudienceAndRedirectUris() {
        Client client = Clients.confidential("ordered")
                .audience(List.of("zeta", "alpha", "mu", "alpha"))
                .redirectUris(List.of(URI.create("https://z.example/cb"), URI.create("https://a.example/cb")))
                .build();

        repository.save(client);

        Client found = repository.findById(new ClientId("ordered")).orElseThrow();
        assertThat(found.audience()).containsExactly("zeta", "alpha", "mu", "alpha");
        assertThat(found.redirectUris()).containsExactly(URI.create("https://z.example/cb"), URI.create("https://a.example/cb"));
    }

    @Test
    void accessTokenLifetimeIsKeptExactly() {
        for (Duration ttl : List.of(Duration.ofNanos(1), Duration.ofMillis(1_500), Duration.ofDays(400),
                Duration.ofSeconds(900, 999_999_999))) {
            Client client = Clients.confidential("ttl").accessTokenTtl(ttl).build();

            repository.save(client);

            assertThat(repository.findById(new ClientId("ttl")).flatMap(Client::accessTokenTtl)).contains(ttl);
        }
    }

    @Test
    void theSecretHashIsKeptVerbatim() {
        Client client = Clients.confidential("hashed").build().toBuilder()
                .secretHash(new dev.portcullis.domain.secret.SecretHash("$pbkdf2-sha256$i=600000$c2FsdA$aGFzaA+/=="))
                .build();

        repository.save(client);

        assertThat(repository.findById(new ClientId("hashed")).flatMap(Client::secretHash))
                .isEqualTo(Optional.of(client.secretHash().orElseThrow()));
    }
}
