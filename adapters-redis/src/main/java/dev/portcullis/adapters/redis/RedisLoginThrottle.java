package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.domain.user.LoginThrottlePolicy;
import dev.portcullis.domain.user.LoginThrottlePolicy.Streak;
import dev.portcullis.domain.user.Username;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failure streaks per username+source shared by every node: one string per pair,
 * {@code login:<length of source>:<source>:<username>} → {@code "<failures> <locked until, ISO-8601>"}
 * (the length makes the key unambiguous, as addresses and usernames may both hold colons).
 *
 * <p>The policy stays in Java ({@link LoginThrottlePolicy}) and the time is the nodes' clock, as
 * for {@link RedisRateLimiter}. A failure reads the streak, applies the policy, and writes the new
 * streak with a compare-and-set script that succeeds only if the value is still the one read; a
 * node that lost the race reads again. So concurrent failures on any nodes are all counted. The key
 * expires when its streak ends (the end of its lockout plus the window): Redis forgets old pairs by itself.
 */
public final class RedisLoginThrottle implements LoginThrottle {

    /** KEYS[1]: the pair; ARGV[1]: the value read ('' for none), ARGV[2]: the new value, ARGV[3]: its TTL in ms. */
    private static final RedisScript COMPARE_AND_SET = new RedisScript("""
            if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """);

    private final RedisBackend redis;
    private final Clock clock;
    private final LoginThrottlePolicy policy;

    public RedisLoginThrottle(RedisBackend redis, Clock clock, LoginThrottlePolicy policy) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Optional<Duration> retryAfter(Username username, String source) {
        String value = redis.call(() -> redis.commands().get(key(username, source)));
        return decode(value).flatMap(streak -> policy.retryAfter(streak, clock.instant()));
    }

    @Override
    public void recordFailure(Username username, String source) {
        String key = key(username, source);
        while (true) {
            Instant now = clock.instant();
            String before = redis.call(() -> redis.commands().get(key));
            Streak after = policy.fail(decode(before), now);
            long ttl = Math.max(1, Duration.between(now, after.lockedUntil().plus(policy.window())).toMillis());
            Long set = redis.call(() -> COMPARE_AND_SET.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {key},
                    before == null ? "" : before, encode(after), String.valueOf(ttl)));
            if (set == 1L) {
                return;
            }
        }
    }

    @Override
    public void recordSuccess(Username username, String source) {
        redis.run(() -> redis.commands().del(key(username, source)));
    }

    private String key(Username username, String source) {
        return redis.key("login", source.length() + ":" + source + ":" + username.value());
    }

    private static String encode(Streak streak) {
        return streak.failures() + " " + streak.lockedUntil();
    }

    private static Optional<Streak> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int space = value.indexOf(' ');
        return Optional.of(new Streak(Integer.parseInt(value.substring(0, space)),
                Instant.parse(value.substring(space + 1))));
    }
}
