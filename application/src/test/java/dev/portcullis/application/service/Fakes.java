package dev.portcullis.application.service;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.RandomSource;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.TokenSigner;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.token.SignedAccessToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small working stand-ins for the driven ports, for service tests. The application module cannot
 * see the adapters (they depend on it), so these play their part; the contract suites prove the
 * real adapters behave the same.
 */
final class Fakes {

    private Fakes() {
    }

    /** Hashes as {@code $plain$<secret>}: readable in tests, and counts every check. */
    static final class PlainSecretHasher implements SecretHasher {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public SecretHash hash(String secret) {
            return new SecretHash("$plain$" + secret);
        }

        @Override
        public boolean matches(String secret, SecretHash hash) {
            checks.incrementAndGet();
            return hash.encoded().equals("$plain$" + secret);
        }
    }

    /** Counts up: token ids are predictable in tests. */
    static final class CountingRandom implements RandomSource {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public String nextToken(int bytes) {
            return "random-" + next.incrementAndGet();
        }
    }

    /** "Signs" by remembering the claims under a fake compact string. */
    static final class RecordingSigner implements TokenSigner, TokenVerifier {
        final Map<String, AccessTokenClaims> issued = new HashMap<>();
        final List<AccessTokenClaims> signed = new ArrayList<>();

        @Override
        public SignedAccessToken sign(AccessTokenClaims claims) {
            String compact = "h." + claims.jwtId().value() + ".s";
            issued.put(compact, claims);
            signed.add(claims);
            return new SignedAccessToken(compact, claims);
        }

        @Override
        public Verification verify(String compactToken) {
            AccessTokenClaims claims = issued.get(compactToken);
            return claims == null ? new Verification.Invalid("unknown token") : new Verification.Valid(claims);
        }
    }

    static class MapClientRepository implements ClientRepository {
        private final Map<ClientId, Client> clients = new HashMap<>();

        @Override
        public Optional<Client> findById(ClientId id) {
            return Optional.ofNullable(clients.get(id));
        }

        @Override
        public void save(Client client) {
            clients.put(client.id(), client);
        }

        @Override
        public boolean delete(ClientId id) {
            return clients.remove(id) != null;
        }

        @Override
        public List<Client> findAll() {
            return List.copyOf(clients.values());
        }
    }
}
