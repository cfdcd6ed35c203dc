package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.RefreshToken.State;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each token is a hash {@code <prefix>rt:<hash>} with fields {@code doc} (everything but the
 * state), {@code state}, {@code es}/{@code en} (expiry) and {@code fam}, expiring with the token;
 * each family is a set {@code <prefix>rtfam:<family>} of token hashes, expiring with the family.
 * Saving, rotating and revoking a family are each one Lua script, so they are atomic across nodes.
 *
 * <p>Not for Redis Cluster: the scripts touch a token, its successor and its family, which live
 * in different hash slots unless the key prefix carries a hash tag.
 */
public final class RedisRefreshTokenStore implements RefreshTokenStore {

    private static final String VERSION = "rt1";

    /** KEYS: token, family set. ARGV: doc, state, es, en, fam, hash, token ttl ms, family ttl ms. */
    private static final String WRITE_TOKEN = """
            local function write_token(tk, fk, doc, state, es, en, fam, hash, ttl, fttl)
              redis.call('DEL', tk)
              redis.call('HSET', tk, 'doc', doc, 'state', state, 'es', es, 'en', en, 'fam', fam)
              redis.call('PEXPIRE', tk, ttl)
              redis.call('SADD', fk, hash)
              if redis.call('PTTL', fk) < tonumber(fttl) then redis.call('PEXPIRE', fk, fttl) end
            end
            """;

    private static final RedisScript SAVE = new RedisScript(WRITE_TOKEN + """
            write_token(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8])
            return 1
            """);

    /**
     * KEYS: presented, successor, successor's family set. ARGV: now s, now ns, then the successor as
     * for SAVE. Returns {} (unknown or expired) or {outcome, doc, state} of the presented token.
     */
    private static final RedisScript ROTATE = new RedisScript(RedisScript.AT_OR_AFTER + WRITE_TOKEN + """
            local v = redis.call('HMGET', KEYS[1], 'doc', 'state', 'es', 'en')
            if not v[1] then return {} end
            if at_or_after(ARGV[1], ARGV[2], v[3], v[4]) then return {} end
            if v[2] ~= 'ACTIVE' then return {'REUSED', v[1], v[2]} end
            redis.call('HSET', KEYS[1], 'state', 'ROTATED')
            write_token(KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10])
            return {'ROTATED', v[1], v[2]}
            """);

    /** KEYS: family set. ARGV: token key prefix, family. Returns the docs of the tokens it revoked. */
    private static final RedisScript REVOKE_FAMILY = new RedisScript("""
            local out = {}
            for _, hash in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local tk = ARGV[1] .. hash
              local v = redis.call('HMGET', tk, 'doc', 'fam')
              if v[1] and v[2] == ARGV[2] then
                redis.call('HSET', tk, 'state', 'REVOKED')
                out[#out + 1] = v[1]
              else
                redis.call('SREM', KEYS[1], hash)
              end
            end
            return out
            """);

    private final RedisBackend redis;
    private final Clock clock;

    /** @param clock the application's clock, used only to turn expiries into Redis TTLs */
    public RedisRefreshTokenStore(RedisBackend redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void save(RefreshToken token) {
        String[] keys = {tokenKey(token.hash()), familyKey(token.family())};
        String[] args = writeArgs(token);
        redis.run(() -> SAVE.run(redis.commands(), ScriptOutputType.INTEGER, keys, args));
    }

    @Override
    public Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now) {
        List<String> v = redis.call(() -> redis.commands().hmget(tokenKey(hash), "doc", "state")).stream()
                .map(kv -> kv.getValueOrElse(null))
                .toList();
        if (v.get(0) == null || v.get(1) == null) {
            return Optional.empty();
        }
        RefreshToken token = decode(v.get(0), v.get(1));
        return now.isBefore(token.expiresAt()) ? Optional.of(token) : Optional.empty();
    }

    @Override
    public Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
        String[] keys = {tokenKey(presented), tokenKey(successor.hash()), familyKey(successor.family())};
        String[] successorArgs = writeArgs(successor);
        String[] args = new String[2 + successorArgs.length];
        args[0] = Long.toString(now.getEpochSecond());
        args[1] = Integer.toString(now.getNano());
        System.arraycopy(successorArgs, 0, args, 2, successorArgs.length);
        List<Object> result = redis.call(() -> ROTATE.run(redis.commands(), ScriptOutputType.MULTI, keys, args));
        if (result.isEmpty()) {
            return new Rotation.Unknown();
        }
        RefreshToken previous = decode((String) result.get(1), (String) result.get(2));
        return "ROTATED".equals(result.get(0)) ? new Rotation.Rotated(previous) : new Rotation.Reused(previous);
    }

    @Override
    public List<RefreshToken> revokeFamily(FamilyId family) {
        List<Object> docs = redis.call(() -> REVOKE_FAMILY.run(redis.commands(), ScriptOutputType.MULTI,
                new String[] {familyKey(family)}, redis.key("rt", ""), family.value()));
        return docs.stream().map(doc -> decode((String) doc, State.REVOKED.name())).toList();
    }

    private String[] writeArgs(RefreshToken token) {
        return new String[] {
            encode(token),
            token.state().name(),
            Long.toString(token.expiresAt().getEpochSecond()),
            Integer.toString(token.expiresAt().getNano()),
            token.family().value(),
            token.hash().value(),
            Long.toString(Ttl.millisUntil(token.expiresAt(), clock)),
            Long.toString(Ttl.millisUntil(token.familyExpiresAt(), clock)),
        };
    }

    private String tokenKey(OpaqueTokenHash hash) {
        return redis.key("rt", hash.value());
    }

    private String familyKey(FamilyId family) {
        return redis.key("rtfam", family.value());
    }

    /** Everything but the state, which the scripts change on their own. */
    static String encode(RefreshToken t) {
        return Doc.write(VERSION)
                .put(t.hash().value())
                .put(t.family().value())
                .put(t.clientId().value())
                .put(t.subject())
                .put(t.roles())
                .put(t.scope())
                .put(t.issuedAt())
                .put(t.expiresAt())
                .put(t.familyExpiresAt())
                .put(t.accessTokenId().value())
                .encode();
    }

    static RefreshToken decode(String encoded, String state) {
        try {
            Doc.Reader r = Doc.read(encoded, VERSION);
            RefreshToken token = new RefreshToken(
                    new OpaqueTokenHash(r.next()),
                    new FamilyId(r.next()),
                    new ClientId(r.next()),
                    r.next(),
                    r.nextList(),
                    r.nextScopes(),
                    r.nextInstant(),
                    r.nextInstant(),
                    r.nextInstant(),
                    new TokenId(r.next()),
                    State.valueOf(state));
            r.end();
            return token;
        } catch (RuntimeException e) {
            throw Doc.corrupt(e);
        }
    }
}
