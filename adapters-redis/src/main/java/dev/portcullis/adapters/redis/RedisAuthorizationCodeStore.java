package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import io.lettuce.core.ScriptOutputType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Each code is a hash {@code <prefix>code:<hash>} with fields {@code doc} (the encoded code),
 * {@code es}/{@code en} (expiry: epoch seconds and nanos) and {@code redeemed} (0/1), expiring
 * with the code. A redemption is one Lua script: it reads the code and flips {@code redeemed},
 * so of any number of concurrent callers on any nodes exactly one sees it unredeemed.
 */
public final class RedisAuthorizationCodeStore implements AuthorizationCodeStore {

    private static final String VERSION = "code1";

    /** ARGV: doc, expiry s, expiry ns, ttl ms. Saving a code again keeps its redeemed mark: a code is never re-armed. */
    private static final RedisScript SAVE = new RedisScript("""
            local redeemed = redis.call('HGET', KEYS[1], 'redeemed') or '0'
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'es', ARGV[2], 'en', ARGV[3], 'redeemed', redeemed)
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """);

    /** ARGV: now seconds, now nanos. Returns {} (unknown or expired) or {outcome, doc}. */
    private static final RedisScript REDEEM = new RedisScript(RedisScript.AT_OR_AFTER + """
            local v = redis.call('HMGET', KEYS[1], 'doc', 'es', 'en', 'redeemed')
            if not v[1] then return {} end
            if at_or_after(ARGV[1], ARGV[2], v[2], v[3]) then return {} end
            if v[4] == '1' then return {'REPLAYED', v[1]} end
            redis.call('HSET', KEYS[1], 'redeemed', '1')
            return {'REDEEMED', v[1]}
            """);

    private final RedisBackend redis;
    private final Clock clock;

    /** @param clock the application's clock, used only to turn expiries into Redis TTLs */
    public RedisAuthorizationCodeStore(RedisBackend redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void save(AuthorizationCode code) {
        String doc = encode(code);
        String ttl = Long.toString(Ttl.millisUntil(code.expiresAt(), clock));
        redis.run(() -> SAVE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {key(code.hash())},
                doc, Long.toString(code.expiresAt().getEpochSecond()), Integer.toString(code.expiresAt().getNano()), ttl));
    }

    @Override
    public Redemption redeem(OpaqueTokenHash hash, Instant now) {
        List<Object> result = redis.call(() -> REDEEM.run(redis.commands(), ScriptOutputType.MULTI, new String[] {key(hash)},
                Long.toString(now.getEpochSecond()), Integer.toString(now.getNano())));
        if (result.isEmpty()) {
            return new Redemption.Unknown();
        }
        AuthorizationCode code = decode((String) result.get(1));
        return "REDEEMED".equals(result.get(0)) ? new Redemption.Redeemed(code) : new Redemption.Replayed(code);
    }

    private String key(OpaqueTokenHash hash) {
        return redis.key("code", hash.value());
    }

    static String encode(AuthorizationCode c) {
        return Doc.write(VERSION)
                .put(c.hash().value())
                .put(c.clientId().value())
                .put(c.redirectUri().toString())
                .put(c.challenge().value())
                .put(c.subject())
                .put(c.roles())
                .put(c.scope())
                .put(c.expiresAt())
                .put(c.accessTokenId().value())
                .put(c.refreshFamily().value())
                .encode();
    }

    static AuthorizationCode decode(String encoded) {
        try {
            Doc.Reader r = Doc.read(encoded, VERSION);
            AuthorizationCode code = new AuthorizationCode(
                    new OpaqueTokenHash(r.next()),
                    new ClientId(r.next()),
                    URI.create(r.next()),
                    new PkceChallenge(r.next()),
                    r.next(),
                    r.nextList(),
                    r.nextScopes(),
                    r.nextInstant(),
                    new TokenId(r.next()),
                    new FamilyId(r.next()));
            r.end();
            return code;
        } catch (RuntimeException e) {
            throw Doc.corrupt(e);
        }
    }
}
