package dev.portcullis.adapters.crypto;

import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.domain.secret.SecretHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link SecretHasher}: hashes new secrets with one default scheme, and checks a stored hash with
 * whichever accepted scheme its prefix names. Successful checks against slow schemes go through a
 * {@link VerifiedSecretCache}. An unknown scheme or a malformed encoding does not match; it never throws.
 */
public final class DelegatingSecretHasher implements SecretHasher {

    private final HashScheme defaultScheme;
    private final Map<String, HashScheme> byIdentifier;
    private final VerifiedSecretCache cache;

    /** Without a cache. */
    public DelegatingSecretHasher(HashScheme defaultScheme, List<HashScheme> alsoAccepted) {
        this(defaultScheme, alsoAccepted, VerifiedSecretCache.disabled());
    }

    /**
     * @param alsoAccepted schemes read besides the default one; no two may claim the same identifier
     * @param cache holds successful checks against {@linkplain HashScheme#slow() slow} schemes
     */
    public DelegatingSecretHasher(HashScheme defaultScheme, List<HashScheme> alsoAccepted, VerifiedSecretCache cache) {
        this.defaultScheme = Objects.requireNonNull(defaultScheme, "defaultScheme");
        this.cache = Objects.requireNonNull(cache, "cache");
        Map<String, HashScheme> schemes = new HashMap<>();
        register(schemes, defaultScheme);
        for (HashScheme scheme : alsoAccepted) {
            if (scheme != defaultScheme) {
                register(schemes, scheme);
            }
        }
        this.byIdentifier = Map.copyOf(schemes);
    }

    private static void register(Map<String, HashScheme> schemes, HashScheme scheme) {
        for (String id : scheme.identifiers()) {
            HashScheme earlier = schemes.putIfAbsent(id, scheme);
            if (earlier != null) {
                throw new IllegalArgumentException("scheme " + id + " claimed by " + earlier + " and " + scheme);
            }
        }
    }

    @Override
    public SecretHash hash(String secret) {
        return defaultScheme.hash(Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public boolean matches(String secret, SecretHash hash) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(hash, "hash");
        HashScheme scheme = byIdentifier.get(hash.scheme());
        if (scheme == null) {
            return false;
        }
        return scheme.slow() ? cache.matches(secret, hash, scheme::matches) : scheme.matches(secret, hash);
    }

    @Override
    public String toString() {
        return "DelegatingSecretHasher[default=" + defaultScheme + ", accepts=" + byIdentifier.keySet() + ", " + cache + "]";
    }
}
