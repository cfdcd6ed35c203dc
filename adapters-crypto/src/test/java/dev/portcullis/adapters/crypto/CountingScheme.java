package dev.portcullis.adapters.crypto;

import dev.portcullis.domain.secret.SecretHash;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real scheme and counts how often its check actually runs. */
final class CountingScheme implements HashScheme {

    private final HashScheme inner;
    private final AtomicInteger checks = new AtomicInteger();

    CountingScheme(HashScheme inner) {
        this.inner = inner;
    }

    int checks() {
        return checks.get();
    }

    @Override
    public Set<String> identifiers() {
        return inner.identifiers();
    }

    @Override
    public boolean slow() {
        return inner.slow();
    }

    @Override
    public SecretHash hash(String secret) {
        return inner.hash(secret);
    }

    @Override
    public boolean matches(String secret, SecretHash hash) {
        checks.incrementAndGet();
        return inner.matches(secret, hash);
    }
}
