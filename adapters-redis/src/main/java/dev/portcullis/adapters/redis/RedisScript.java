package dev.portcullis.adapters.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run with EVALSHA. Its SHA-1 is known without asking Redis; when Redis has not seen
 * the script (first use, or a restart emptied its script cache) it is loaded and run again.
 */
final class RedisScript {

    /** Shared Lua helper: is the instant (s1, n1) at or after (s2, n2)? */
    static final String AT_OR_AFTER = """
            local function at_or_after(s1, n1, s2, n2)
              s1, n1, s2, n2 = tonumber(s1), tonumber(n1), tonumber(s2), tonumber(n2)
              return s1 > s2 or (s1 == s2 and n1 >= n2)
            end
            """;

    private final String source;
    private final String sha;

    RedisScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            redis.scriptLoad(source);
            return redis.evalsha(sha, type, keys, args);
        }
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
