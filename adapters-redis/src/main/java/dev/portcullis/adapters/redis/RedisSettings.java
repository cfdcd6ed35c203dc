package dev.portcullis.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Where Redis is and how this node talks to it.
 *
 * @param uri            a Lettuce URI: {@code redis://[user:password@]host:port[/db]}, {@code rediss://…} (TLS),
 *                       or {@code redis-sentinel://[password@]host:port[,host2:port2]/[db]#masterId}
 * @param keyPrefix      prepended to every key this adapter writes, e.g. {@code portcullis:}
 * @param commandTimeout how long one command may take before it fails; also the connect timeout
 */
public record RedisSettings(String uri, String keyPrefix, Duration commandTimeout) {

    public static final String DEFAULT_KEY_PREFIX = "portcullis:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    public RedisSettings {
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (uri == null || !(uri.startsWith("redis://") || uri.startsWith("rediss://")
                || uri.startsWith("redis-sentinel://") || uri.startsWith("rediss-sentinel://"))) {
            throw new IllegalArgumentException("a Redis URI starts with redis://, rediss:// or redis-sentinel://");
        }
        if (keyPrefix == null || keyPrefix.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            throw new IllegalArgumentException("a key prefix is visible ASCII (it may be empty)");
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("the command timeout must be positive");
        }
    }

    /** The given URI with the default prefix and timeout. */
    public static RedisSettings of(String uri) {
        return new RedisSettings(uri, DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT);
    }

    public RedisSettings withKeyPrefix(String prefix) {
        return new RedisSettings(uri, prefix, commandTimeout);
    }

    public RedisSettings withCommandTimeout(Duration timeout) {
        return new RedisSettings(uri, keyPrefix, timeout);
    }

    /** Never prints the password the URI may carry. */
    @Override
    public String toString() {
        return "RedisSettings[" + uri.replaceAll("//[^@/]*@", "//***@") + ", prefix " + keyPrefix + ", timeout " + commandTimeout + "]";
    }
}
