package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningKey;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Thin decorators of the driven ports that talk to a store, timing every call into
 * {@code portcullis.backend.latency{backend, operation, outcome}}: each forwards every method, its answer and its
 * exception to the port it wraps, and nothing else. The bootstrap wraps only the ports that a store backs
 * (MongoDB, Redis); a memory port answers in nanoseconds, and timing it would cost more than it tells.
 */
public final class TimedPorts {

    private final Metrics metrics;

    TimedPorts(Metrics metrics) {
        this.metrics = metrics;
    }

    public ClientRepository clients(ClientRepository delegate) {
        BackendCall findById = call("client_repository", "find_by_id");
        BackendCall save = call("client_repository", "save");
        BackendCall delete = call("client_repository", "delete");
        BackendCall findAll = call("client_repository", "find_all");
        return new ClientRepository() {
            @Override
            public Optional<Client> findById(ClientId id) {
                return findById.time(() -> delegate.findById(id));
            }

            @Override
            public void save(Client client) {
                save.run(() -> delegate.save(client));
            }

            @Override
            public boolean delete(ClientId id) {
                return delete.time(() -> delegate.delete(id));
            }

            @Override
            public List<Client> findAll() {
                return findAll.time(delegate::findAll);
            }
        };
    }

    public UserRepository users(UserRepository delegate) {
        BackendCall findByUsername = call("user_repository", "find_by_username");
        BackendCall save = call("user_repository", "save");
        BackendCall delete = call("user_repository", "delete");
        return new UserRepository() {
            @Override
            public Optional<User> findByUsername(Username username) {
                return findByUsername.time(() -> delegate.findByUsername(username));
            }

            @Override
            public void save(User user) {
                save.run(() -> delegate.save(user));
            }

            @Override
            public boolean delete(Username username) {
                return delete.time(() -> delegate.delete(username));
            }
        };
    }

    public AuthorizationCodeStore codes(AuthorizationCodeStore delegate) {
        BackendCall save = call("authorization_code_store", "save");
        BackendCall redeem = call("authorization_code_store", "redeem");
        return new AuthorizationCodeStore() {
            @Override
            public void save(AuthorizationCode code) {
                save.run(() -> delegate.save(code));
            }

            @Override
            public Redemption redeem(OpaqueTokenHash hash, Instant now) {
                return redeem.time(() -> delegate.redeem(hash, now));
            }
        };
    }

    public RefreshTokenStore refreshTokens(RefreshTokenStore delegate) {
        BackendCall save = call("refresh_token_store", "save");
        BackendCall find = call("refresh_token_store", "find");
        BackendCall rotate = call("refresh_token_store", "rotate");
        BackendCall revokeFamily = call("refresh_token_store", "revoke_family");
        return new RefreshTokenStore() {
            @Override
            public void save(RefreshToken token) {
                save.run(() -> delegate.save(token));
            }

            @Override
            public Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now) {
                return find.time(() -> delegate.find(hash, now));
            }

            @Override
            public Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
                return rotate.time(() -> delegate.rotate(presented, successor, now));
            }

            @Override
            public List<RefreshToken> revokeFamily(FamilyId family) {
                return revokeFamily.time(() -> delegate.revokeFamily(family));
            }
        };
    }

    public KeyStore keys(KeyStore delegate) {
        BackendCall findAll = call("key_store", "find_all");
        BackendCall save = call("key_store", "save");
        BackendCall delete = call("key_store", "delete");
        return new KeyStore() {
            @Override
            public List<SigningKey> findAll() {
                return findAll.time(delegate::findAll);
            }

            @Override
            public void save(SigningKey key) {
                save.run(() -> delegate.save(key));
            }

            @Override
            public boolean delete(KeyId id) {
                return delete.time(() -> delegate.delete(id));
            }
        };
    }

    public RevocationList revocations(RevocationList delegate) {
        BackendCall revoke = call("revocation_list", "revoke");
        BackendCall isRevoked = call("revocation_list", "is_revoked");
        return new RevocationList() {
            @Override
            public void revoke(TokenId id, Instant until) {
                revoke.run(() -> delegate.revoke(id, until));
            }

            @Override
            public boolean isRevoked(TokenId id) {
                return isRevoked.time(() -> delegate.isRevoked(id));
            }
        };
    }

    /** Forwards the two-list {@code acquire} too: the limiter's own one-round-trip version, never the default. */
    public RateLimiter rateLimiter(RateLimiter delegate) {
        BackendCall acquire = call("rate_limiter", "acquire");
        BackendCall blocked = call("rate_limiter", "blocked");
        return new RateLimiter() {
            @Override
            public Decision acquire(List<Limit> limits) {
                return acquire.time(() -> delegate.acquire(limits));
            }

            @Override
            public Optional<Duration> blocked(Limit limit) {
                return blocked.time(() -> delegate.blocked(limit));
            }

            @Override
            public Decision acquire(List<Limit> counted, List<Limit> checked) {
                return acquire.time(() -> delegate.acquire(counted, checked));
            }
        };
    }

    public LoginThrottle loginThrottle(LoginThrottle delegate) {
        BackendCall retryAfter = call("login_throttle", "retry_after");
        BackendCall recordFailure = call("login_throttle", "record_failure");
        BackendCall recordSuccess = call("login_throttle", "record_success");
        return new LoginThrottle() {
            @Override
            public Optional<Duration> retryAfter(Username username, String source) {
                return retryAfter.time(() -> delegate.retryAfter(username, source));
            }

            @Override
            public void recordFailure(Username username, String source) {
                recordFailure.run(() -> delegate.recordFailure(username, source));
            }

            @Override
            public void recordSuccess(Username username, String source) {
                recordSuccess.run(() -> delegate.recordSuccess(username, source));
            }
        };
    }

    private BackendCall call(String backend, String operation) {
        return metrics.backendCall(backend, operation);
    }
}
