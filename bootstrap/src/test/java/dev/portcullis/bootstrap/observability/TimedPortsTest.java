package dev.portcullis.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.memory.InMemoryAuthorizationCodeStore;
import dev.portcullis.adapters.memory.InMemoryClientRepository;
import dev.portcullis.adapters.memory.InMemoryKeyStore;
import dev.portcullis.adapters.memory.InMemoryLoginThrottle;
import dev.portcullis.adapters.memory.InMemoryRateLimiter;
import dev.portcullis.adapters.memory.InMemoryRefreshTokenStore;
import dev.portcullis.adapters.memory.InMemoryRevocationList;
import dev.portcullis.adapters.memory.InMemoryUserRepository;
import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.port.out.contract.AuthorizationCodeStoreContract;
import dev.portcullis.application.port.out.contract.ClientRepositoryContract;
import dev.portcullis.application.port.out.contract.KeyStoreContract;
import dev.portcullis.application.port.out.contract.LoginThrottleContract;
import dev.portcullis.application.port.out.contract.RateLimiterContract;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.application.port.out.contract.RefreshTokenStoreContract;
import dev.portcullis.application.port.out.contract.RevocationListContract;
import dev.portcullis.application.port.out.contract.UserRepositoryContract;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The timing decorators time every call by outcome and keep every promise of the ports they wrap. */
class TimedPortsTest {

    private final Metrics metrics = new Metrics();
    private final TimedPorts timed = new TimedPorts(metrics);

    /** A store that is down: every call throws the same outage. */
    private static final class DownClients implements ClientRepository {
        final BackendUnavailableException outage = new BackendUnavailableException("mongo", new RuntimeException("down"));

        @Override
        public Optional<Client> findById(ClientId id) {
            throw outage;
        }

        @Override
        public void save(Client client) {
            throw outage;
        }

        @Override
        public boolean delete(ClientId id) {
            throw outage;
        }

        @Override
        public List<Client> findAll() {
            throw outage;
        }
    }

    @Test
    void aBackendOutageIsTimedAsAnErrorAndRethrownAsItIs() {
        DownClients down = new DownClients();
        ClientRepository clients = timed.clients(down);

        assertThatThrownBy(() -> clients.findById(new ClientId("myapp"))).isSameAs(down.outage);
        assertThatThrownBy(clients::findAll).isSameAs(down.outage);

        BackendCall findById = metrics.backendCall("client_repository", "find_by_id");
        assertThat(findById.error().count()).isEqualTo(1);
        assertThat(findById.ok().count()).isZero();
        assertThat(metrics.backendCall("client_repository", "find_all").error().count()).isEqualTo(1);
        assertThat(metrics.backendCall("client_repository", "save").error().count()).isZero();
    }

    @Test
    void anAnswerIsTimedAsOkAndReturnedAsItIs() {
        ClientRepository clients = timed.clients(new InMemoryClientRepository());

        assertThat(clients.findById(new ClientId("nobody"))).isEmpty();
        assertThat(clients.delete(new ClientId("nobody"))).isFalse();

        assertThat(metrics.backendCall("client_repository", "find_by_id").ok().count()).isEqualTo(1);
        assertThat(metrics.backendCall("client_repository", "delete").ok().count()).isEqualTo(1);
        assertThat(metrics.scrape()).contains("portcullis_backend_latency_seconds_count{backend=\"client_repository\","
                + "operation=\"find_by_id\",outcome=\"ok\"} 1\n");
    }

    @Test
    void anyOtherExceptionPassesThroughUntimed() {
        IllegalStateException bug = new IllegalStateException("a bug");
        RevocationList revocations = timed.revocations(new RevocationList() {
            @Override
            public void revoke(TokenId id, Instant until) {
                throw bug;
            }

            @Override
            public boolean isRevoked(TokenId id) {
                throw bug;
            }
        });

        assertThatThrownBy(() -> revocations.isRevoked(new TokenId("jti-1"))).isSameAs(bug);
        BackendCall isRevoked = metrics.backendCall("revocation_list", "is_revoked");
        assertThat(isRevoked.ok().count() + isRevoked.error().count()).isZero();
    }

    @Test
    void theRateLimiterKeepsItsOwnOneRoundTripAcquireWithLockouts() {
        List<String> calls = new ArrayList<>();
        RateLimiter limiter = timed.rateLimiter(new RateLimiter() {
            @Override
            public Decision acquire(List<Limit> limits) {
                calls.add("acquire");
                return new Allowed();
            }

            @Override
            public Optional<Duration> blocked(Limit limit) {
                calls.add("blocked");
                return Optional.empty();
            }

            @Override
            public Decision acquire(List<Limit> counted, List<Limit> checked) {
                calls.add("acquire with lockouts");
                return new Allowed();
            }
        });
        RateLimiter.Limit lockout = new RateLimiter.Limit(RateLimiter.Limit.Kind.LOCKOUT, "lockout:x", 3, Duration.ofMinutes(5));

        assertThat(limiter.acquire(List.of(), List.of(lockout))).isInstanceOf(RateLimiter.Allowed.class);

        assertThat(calls).containsExactly("acquire with lockouts");
        assertThat(metrics.backendCall("rate_limiter", "acquire").ok().count()).isEqualTo(1);
    }

    @Nested
    class TimedClientRepository extends ClientRepositoryContract {
        @Override
        protected ClientRepository newRepository() {
            return timed.clients(new InMemoryClientRepository());
        }
    }

    @Nested
    class TimedUserRepository extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            return timed.users(new InMemoryUserRepository());
        }
    }

    @Nested
    class TimedAuthorizationCodeStore extends AuthorizationCodeStoreContract {
        @Override
        protected AuthorizationCodeStore newStore() {
            return timed.codes(new InMemoryAuthorizationCodeStore());
        }
    }

    @Nested
    class TimedRefreshTokenStore extends RefreshTokenStoreContract {
        @Override
        protected RefreshTokenStore newStore() {
            return timed.refreshTokens(new InMemoryRefreshTokenStore());
        }
    }

    @Nested
    class TimedKeyStore extends KeyStoreContract {
        @Override
        protected KeyStore newKeyStore() {
            return timed.keys(new InMemoryKeyStore());
        }
    }

    @Nested
    class TimedRevocationList extends RevocationListContract {
        @Override
        protected RevocationList newRevocationList(Clock clock) {
            return timed.revocations(new InMemoryRevocationList(clock));
        }
    }

    @Nested
    class TimedRateLimiter extends RateLimiterContract {
        @Override
        protected RateLimiter newLimiter(Clock clock) {
            return timed.rateLimiter(new InMemoryRateLimiter(clock));
        }
    }

    @Nested
    class TimedLoginThrottle extends LoginThrottleContract {
        @Override
        protected LoginThrottle newThrottle(Clock clock, LoginThrottlePolicy policy) {
            return timed.loginThrottle(new InMemoryLoginThrottle(clock, policy));
        }
    }
}
