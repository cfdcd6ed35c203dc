package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.RateLimiter;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fixed-window counters shared by every node: one Lua script per request INCRements every limit's
 * counter of the current window and PEXPIREs it when new (one round trip, atomic). The window is
 * the nodes' clock divided by the window length, in the key ({@code rate:<key>:<ms>:<window>}), so
 * nodes agree without asking Redis for the time; counters expire two windows later.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final RedisScript ACQUIRE = new RedisScript("""
            local counts = {}
            for i, key in ipairs(KEYS) do
              local c = redis.call('INCR', key)
              if c == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
              counts[i] = c
            end
            return counts
            """);

    /** ARGV[1] counted keys come first (ARGV[1+i] their TTLs); the rest are read, not counted. */
    private static final RedisScript ACQUIRE_AND_CHECK = new RedisScript("""
            local counted = tonumber(ARGV[1])
            local counts = {}
            for i, key in ipairs(KEYS) do
              if i <= counted then
                local c = redis.call('INCR', key)
                if c == 1 then redis.call('PEXPIRE', key, ARGV[i + 1]) end
                counts[i] = c
              else
                counts[i] = tonumber(redis.call('GET', key) or '0')
              end
            end
            return counts
            """);

    private final RedisBackend redis;
    private final Clock clock;

    public RedisRateLimiter(RedisBackend redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Decision acquire(List<Limit> limits) {
        if (limits.isEmpty()) {
            return new Allowed();
        }
        long now = clock.millis();
        String[] keys = new String[limits.size()];
        String[] ttls = new String[limits.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = counterKey(limits.get(i), now);
            ttls[i] = String.valueOf(2 * limits.get(i).window().toMillis());
        }
        List<Long> counts = redis.call(() -> ACQUIRE.run(redis.commands(), ScriptOutputType.MULTI, keys, ttls));
        for (int i = 0; i < keys.length; i++) {
            if (counts.get(i) > limits.get(i).max()) {
                return new Limited(limits.get(i), limits.get(i).untilWindowEnds(now));
            }
        }
        return new Allowed();
    }

    @Override
    public Decision acquire(List<Limit> counted, List<Limit> checked) {
        if (checked.isEmpty()) {
            return acquire(counted);
        }
        long now = clock.millis();
        int n = counted.size();
        String[] keys = new String[n + checked.size()];
        String[] args = new String[n + 1];
        args[0] = String.valueOf(n);
        for (int i = 0; i < n; i++) {
            keys[i] = counterKey(counted.get(i), now);
            args[i + 1] = String.valueOf(2 * counted.get(i).window().toMillis());
        }
        for (int i = 0; i < checked.size(); i++) {
            keys[n + i] = counterKey(checked.get(i), now);
        }
        List<Long> counts = redis.call(() -> ACQUIRE_AND_CHECK.run(redis.commands(), ScriptOutputType.MULTI, keys, args));
        for (int i = 0; i < checked.size(); i++) {
            Limit lockout = checked.get(i);
            if (counts.get(n + i) >= lockout.max()) {
                return new Limited(lockout, lockout.untilWindowEnds(now));
            }
        }
        for (int i = 0; i < n; i++) {
            if (counts.get(i) > counted.get(i).max()) {
                return new Limited(counted.get(i), counted.get(i).untilWindowEnds(now));
            }
        }
        return new Allowed();
    }

    @Override
    public Optional<Duration> blocked(Limit limit) {
        long now = clock.millis();
        String value = redis.call(() -> redis.commands().get(counterKey(limit, now)));
        return value != null && Long.parseLong(value) >= limit.max() ? Optional.of(limit.untilWindowEnds(now)) : Optional.empty();
    }

    private String counterKey(Limit limit, long now) {
        return redis.key("rate", limit.key() + ":" + limit.window().toMillis() + ":" + limit.windowAt(now));
    }
}
