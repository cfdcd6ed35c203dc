package dev.portcullis.adapters.crypto;

import dev.portcullis.domain.secret.SecretHash;
import java.util.Set;

/**
 * One family of self-describing secret hashes: produces new encodings and checks existing ones.
 * {@link DelegatingSecretHasher} picks the scheme by {@link SecretHash#scheme()}.
 */
public interface HashScheme {

    /** The values of {@link SecretHash#scheme()} this scheme reads, e.g. {@code sha256}; bcrypt reads {@code 2a}, {@code 2b}, {@code 2y}. */
    Set<String> identifiers();

    /** True for a deliberately slow KDF, whose successful checks are worth caching. */
    boolean slow();

    /** A new encoding of {@code secret} under a fresh random salt. */
    SecretHash hash(String secret);

    /**
     * Whether {@code secret} is the one {@code hash} was made from; compares in constant time.
     * False, never an exception, for an encoding this scheme cannot read (malformed, out-of-range parameters).
     */
    boolean matches(String secret, SecretHash hash);
}
