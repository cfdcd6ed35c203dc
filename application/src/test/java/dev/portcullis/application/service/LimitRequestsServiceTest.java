package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.application.port.in.LimitRequests.Admitted;
import dev.portcullis.application.port.in.LimitRequests.TooMany;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.RateLimiter;
import dev.portcullis.domain.client.ClientId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LimitRequestsServiceTest {

    private static final ClientId CLIENT = new ClientId("c:1");

    /** Records each call; lockouts and limits named in {@code exhausted} are blocked, lockouts first. */
    static final class RecordingLimiter implements RateLimiter {
        final List<List<Limit>> counted = new ArrayList<>();
        final List<List<Limit>> checked = new ArrayList<>();
        final List<String> exhausted = new ArrayList<>();
        boolean down;

        @Override
        public Decision acquire(List<Limit> limits) {
            return acquire(limits, List.of());
        }

        @Override
        public Decision acquire(List<Limit> counted, List<Limit> checked) {
            if (down) {
                throw new BackendUnavailableException("redis", new RuntimeException("down"));
            }
            this.counted.add(counted);
            this.checked.add(checked);
            return Stream.concat(checked.stream(), counted.stream()).filter(l -> exhausted.contains(l.key())).findFirst()
                    .<Decision>map(l -> new Limited(l, Duration.ofSeconds(7))).orElse(new Allowed());
        }

        @Override
        public Optional<Duration> blocked(Limit limit) {
            throw new AssertionError("the service reads lockouts in the same call as it counts");
        }
    }

    @Test
    void withEverythingOffTheLimiterIsNeverCalled() {
        RecordingLimiter limiter = new RecordingLimiter();
        LimitRequestsService service = new LimitRequestsService(limiter, LimitRequestsService.Policy.off());
        assertThat(service.admit("10.0.0.1", Optional.of(CLIENT))).isInstanceOf(Admitted.class);
        service.failedClientAuthentication("10.0.0.1", CLIENT);
        assertThat(limiter.counted).isEmpty();
    }

    @Test
    void oneCallCountsBothLimitsAndReadsTheLockoutOfThisClientAndAddress() {
        RecordingLimiter limiter = new RecordingLimiter();
        LimitRequestsService service = new LimitRequestsService(limiter,
                new LimitRequestsService.Policy(100, 50, Duration.ofSeconds(1), 10, Duration.ofMinutes(5)));
        assertThat(service.admit("2001:db8::1", Optional.of(CLIENT))).isInstanceOf(Admitted.class);
        assertThat(limiter.counted).hasSize(1);
        assertThat(limiter.counted.getFirst()).extracting(RateLimiter.Limit::key, RateLimiter.Limit::max)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("address:2001:db8::1", 100),
                        org.assertj.core.groups.Tuple.tuple("client:c:1", 50));
        assertThat(limiter.checked.getFirst()).singleElement().satisfies(l -> {
            assertThat(l.key()).isEqualTo("lockout:11:2001:db8::1:c:1");
            assertThat(l.max()).isEqualTo(10);
            assertThat(l.window()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void eachLimitSaysItsKindSoThatTheRefusalIsNamedWithoutReadingTheKey() {
        RecordingLimiter limiter = new RecordingLimiter();
        LimitRequestsService service = new LimitRequestsService(limiter,
                new LimitRequestsService.Policy(100, 50, Duration.ofSeconds(1), 10, Duration.ofMinutes(5)));
        service.admit("10.0.0.1", Optional.of(CLIENT));
        assertThat(limiter.counted.getFirst()).extracting(RateLimiter.Limit::kind)
                .containsExactly(RateLimiter.Limit.Kind.PER_ADDRESS, RateLimiter.Limit.Kind.PER_CLIENT);
        assertThat(limiter.checked.getFirst()).extracting(RateLimiter.Limit::kind)
                .containsExactly(RateLimiter.Limit.Kind.LOCKOUT);
        // a store that reports the exceeded limit is believed by its kind, whatever its key looks like
        RateLimiter byKind = new RateLimiter() {
            @Override
            public Decision acquire(List<Limit> limits) {
                return new Limited(new Limit(Limit.Kind.PER_CLIENT, "lockout:looks-like-a-lockout", 1,
                        Duration.ofSeconds(1)), Duration.ofSeconds(3));
            }

            @Override
            public Optional<Duration> blocked(Limit limit) {
                return Optional.empty();
            }
        };
        assertThat(new LimitRequestsService(byKind, new LimitRequestsService.Policy(100, 50, Duration.ofSeconds(1), 10,
                Duration.ofMinutes(5))).admit("10.0.0.1", Optional.of(CLIENT)))
                .isInstanceOfSatisfying(TooMany.class, t -> assertThat(t.exceeded()).isEqualTo(LimitRequests.Exceeded.PER_CLIENT));
    }

    @Test
    void aLockedOutPairIsRefusedAndNamedAsALockout() {
        RecordingLimiter limiter = new RecordingLimiter();
        LimitRequestsService service = new LimitRequestsService(limiter,
                new LimitRequestsService.Policy(0, 0, Duration.ofSeconds(1), 3, Duration.ofMinutes(5)));
        limiter.exhausted.add("lockout:8:10.0.0.1:c:1");
        assertThat(service.admit("10.0.0.1", Optional.of(CLIENT))).isInstanceOfSatisfying(TooMany.class, t -> {
            assertThat(t.lockedOut()).isTrue();
            assertThat(t.exceeded()).isEqualTo(LimitRequests.Exceeded.LOCKOUT);
            assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
        assertThat(service.admit("10.0.0.2", Optional.of(CLIENT))).isInstanceOf(Admitted.class);
        // without a client id there is no lockout to read, and nothing else is limited
        assertThat(service.admit("10.0.0.1", Optional.empty())).isInstanceOf(Admitted.class);
        assertThat(limiter.counted).hasSize(2);
    }

    @Test
    void aRefusalNamesTheLimitItExceeded() {
        RecordingLimiter limiter = new RecordingLimiter();
        LimitRequestsService service = new LimitRequestsService(limiter,
                new LimitRequestsService.Policy(100, 50, Duration.ofSeconds(1), 0, Duration.ofMinutes(5)));
        limiter.exhausted.add("address:10.0.0.1");
        limiter.exhausted.add("client:c:1");
        assertThat(service.admit("10.0.0.1", Optional.of(CLIENT))).isInstanceOfSatisfying(TooMany.class, t -> {
            assertThat(t.exceeded()).isEqualTo(LimitRequests.Exceeded.PER_ADDRESS);
            assertThat(t.lockedOut()).isFalse();
        });
        assertThat(service.admit("10.0.0.2", Optional.of(CLIENT))).isInstanceOfSatisfying(TooMany.class,
                t -> assertThat(t.exceeded()).isEqualTo(LimitRequests.Exceeded.PER_CLIENT));
    }

    @Test
    void anUnavailableLimiterAdmitsRequests() {
        RecordingLimiter limiter = new RecordingLimiter();
        limiter.down = true;
        LimitRequestsService service = new LimitRequestsService(limiter,
                new LimitRequestsService.Policy(1, 1, Duration.ofSeconds(1), 1, Duration.ofMinutes(5)));
        assertThat(service.admit("10.0.0.1", Optional.of(CLIENT))).isInstanceOf(Admitted.class);
        service.failedClientAuthentication("10.0.0.1", CLIENT);
    }
}
