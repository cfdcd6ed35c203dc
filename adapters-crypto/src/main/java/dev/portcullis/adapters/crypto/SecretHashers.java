package dev.portcullis.adapters.crypto;

import java.time.Clock;
import java.util.List;

/** Ready-made {@link DelegatingSecretHasher}s for the two kinds of secret Portcullis stores. */
public final class SecretHashers {

    private SecretHashers() {}

    /**
     * Client secrets: new ones (server-generated, 256 bits) as {@code $sha256$}; imported
     * {@code $pbkdf2-sha256$} and bcrypt ({@code $2a$ $2b$ $2y$}) hashes are read too, and a
     * successful check of those is cached ({@link VerifiedSecretCache} defaults: 1,024 entries, 5 minutes).
     */
    public static DelegatingSecretHasher forClientSecrets(Clock clock) {
        return new DelegatingSecretHasher(
                new Sha256HashScheme(),
                List.of(new Pbkdf2HashScheme(), new BcryptHashScheme()),
                new VerifiedSecretCache(clock));
    }

    /**
     * Human-chosen passwords: new ones as bcrypt {@code $2b$} at {@code bcryptCost}; PBKDF2 hashes are
     * read too. The fast {@code $sha256$} scheme is not accepted. Successful checks are cached as above.
     */
    public static DelegatingSecretHasher forPasswords(int bcryptCost, Clock clock) {
        return new DelegatingSecretHasher(
                new BcryptHashScheme(bcryptCost),
                List.of(new Pbkdf2HashScheme()),
                new VerifiedSecretCache(clock));
    }
}
