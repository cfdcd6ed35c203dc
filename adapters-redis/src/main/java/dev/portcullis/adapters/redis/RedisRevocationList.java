package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.domain.token.TokenId;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Instant;

/**
 * One string key per revoked token, {@code <prefix>revoked:<jti>}, holding the instant until which
 * it is revoked and expiring then. {@link #revoke} returns only after Redis has replied, so an
 * acknowledged revocation is in Redis (add {@code WAIT} for replicas if that is the durability
 * wanted). Revoking again never shortens an earlier revocation.
 *
 * <p>A per-node near-cache kept current by pub/sub is a later step; this list asks Redis each time.
 */
public final class RedisRevocationList implements RevocationList {

    /** KEYS: the jti key. ARGV: until s, until ns, until encoded, ttl ms. Keeps the later of two revocations. */
    private static final RedisScript REVOKE = new RedisScript(RedisScript.AT_OR_AFTER + """
            local cur = redis.call('GET', KEYS[1])
            if cur then
              local s, n = string.match(cur, '^(-?%d+)%.(%d+)$')
              if s and at_or_after(s, n, ARGV[1], ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
            return 1
            """);

    private final RedisBackend redis;
    private final Clock clock;

    /** @param clock the application's clock: a revocation ends when it reaches {@code until} */
    public RedisRevocationList(RedisBackend redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void revoke(TokenId id, Instant until) {
        if (!clock.instant().isBefore(until)) {
            return;
        }
        String ttl = Long.toString(Ttl.millisUntil(until, clock));
        redis.run(() -> REVOKE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {key(id)},
                Long.toString(until.getEpochSecond()), Integer.toString(until.getNano()), Doc.instant(until), ttl));
    }

    @Override
    public boolean isRevoked(TokenId id) {
        String until = redis.call(() -> redis.commands().get(key(id)));
        return until != null && clock.instant().isBefore(Doc.instant(until));
    }

    private String key(TokenId id) {
        return redis.key("revoked", id.value());
    }
}
