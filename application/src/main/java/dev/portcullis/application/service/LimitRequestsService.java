package dev.portcullis.application.service;

import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.application.port.out.RateLimiter.Limit;
import dev.portcullis.domain.client.ClientId;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate-limit policy of the endpoints where clients authenticate and users log in ({@code /token},
 * {@code /revoke}, {@code /introspect}, the login POST): requests per source address and per client
 * in a window, and a lockout of a client id from one source address after too many failed client
 * authentications. One {@link RateLimiter} call per request ({@link #admit}); one more per failed
 * client authentication ({@link #failedClientAuthentication}).
 *
 * <p>When the limiter's store cannot answer, requests are admitted (fail open) and a warning is
 * logged: the limits protect capacity, and client secrets are far too long to guess during an outage.
 */
public final class LimitRequestsService implements LimitRequests {

    private static final System.Logger LOG = System.getLogger(LimitRequestsService.class.getName());

    /**
     * @param perAddress         requests per source address per {@code window}; 0: unlimited
     * @param perClient          requests per client id per {@code window}; 0: unlimited
     * @param window             the window of both request limits
     * @param lockoutFailures    failed client authentications per client id + source address that lock
     *                           them out for the rest of {@code lockoutWindow}; 0: no lockout
     * @param lockoutWindow      the lockout's window
     */
    public record Policy(int perAddress, int perClient, Duration window, int lockoutFailures, Duration lockoutWindow) {
        public Policy {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(lockoutWindow, "lockoutWindow");
            if (perAddress < 0 || perClient < 0 || lockoutFailures < 0) {
                throw new IllegalArgumentException("limits are 0 (off) or positive");
            }
            if (window.toMillis() < 1 || lockoutWindow.toMillis() < 1) {
                throw new IllegalArgumentException("windows last at least a millisecond");
            }
        }

        /** Nothing limited: for tests and embedders that limit elsewhere. */
        public static Policy off() {
            return new Policy(0, 0, Duration.ofSeconds(1), 0, Duration.ofMinutes(5));
        }
    }

    private static final Admitted ADMITTED = new Admitted();

    private final RateLimiter limiter;
    private final Policy policy;

    public LimitRequestsService(RateLimiter limiter, Policy policy) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Admission admit(String source, Optional<ClientId> client) {
        Objects.requireNonNull(source, "source");
        List<Limit> counted = new ArrayList<>(2);
        if (policy.perAddress() > 0) {
            counted.add(new Limit(Limit.Kind.PER_ADDRESS, "address:" + source, policy.perAddress(), policy.window()));
        }
        if (policy.perClient() > 0 && client.isPresent()) {
            counted.add(new Limit(Limit.Kind.PER_CLIENT, "client:" + client.get().value(), policy.perClient(), policy.window()));
        }
        List<Limit> checked = policy.lockoutFailures() > 0 && client.isPresent()
                ? List.of(lockout(source, client.get())) : List.of();
        if (counted.isEmpty() && checked.isEmpty()) {
            return ADMITTED;
        }
        RateLimiter.Decision decision;
        try {
            decision = limiter.acquire(counted, checked);
        } catch (BackendUnavailableException e) {
            LOG.log(Level.WARNING, () -> "rate limiter unavailable, request admitted: " + e.getMessage());
            return ADMITTED;
        }
        return switch (decision) {
            case RateLimiter.Allowed allowed -> ADMITTED;
            case RateLimiter.Limited limited -> {
                Exceeded exceeded = switch (limited.limit().kind()) {
                    case LOCKOUT -> Exceeded.LOCKOUT;
                    case PER_ADDRESS -> Exceeded.PER_ADDRESS;
                    case PER_CLIENT -> Exceeded.PER_CLIENT;
                };
                yield new TooMany(limited.retryAfter(), exceeded, switch (exceeded) {
                    case LOCKOUT -> "client " + client.map(ClientId::value).orElse("?") + " locked out from " + source
                            + " after " + policy.lockoutFailures() + " failed authentications";
                    case PER_ADDRESS -> "too many requests from " + source;
                    case PER_CLIENT -> "too many requests by client " + client.map(ClientId::value).orElse("?");
                });
            }
        };
    }

    @Override
    public void failedClientAuthentication(String source, ClientId client) {
        if (policy.lockoutFailures() == 0) {
            return;
        }
        try {
            limiter.acquire(List.of(lockout(source, client)));
        } catch (BackendUnavailableException e) {
            LOG.log(Level.WARNING, () -> "rate limiter unavailable, failed authentication not counted: " + e.getMessage());
        }
    }

    /** Length-prefixed: an IPv6 address and a client id may both hold colons. */
    private Limit lockout(String source, ClientId client) {
        return new Limit(Limit.Kind.LOCKOUT, "lockout:" + source.length() + ":" + source + ":" + client.value(), policy.lockoutFailures(),
                policy.lockoutWindow());
    }
}
