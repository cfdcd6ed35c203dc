package dev.portcullis.adapters.crypto;

import dev.portcullis.application.port.out.ClientSecretGenerator;
import dev.portcullis.application.port.out.RandomSource;
import java.util.Objects;

/**
 * New client secrets: {@value #CLIENT_SECRET_BYTES} random bytes (256 bits), base64url without
 * padding (43 characters). That entropy is what lets {@link Sha256HashScheme} store them with a fast hash.
 */
public final class SecretGenerator implements ClientSecretGenerator {

    public static final int CLIENT_SECRET_BYTES = 32;

    private final RandomSource random;

    public SecretGenerator(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String newClientSecret() {
        return random.nextToken(CLIENT_SECRET_BYTES);
    }
}
