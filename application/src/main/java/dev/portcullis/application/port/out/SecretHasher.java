package dev.portcullis.application.port.out;

import dev.portcullis.domain.secret.SecretHash;

/** Hashes and checks client secrets and user passwords in self-describing encodings. */
public interface SecretHasher {

    SecretHash hash(String secret);

    /** Constant-time in the secret; false for a scheme it does not know. */
    boolean matches(String secret, SecretHash hash);
}
