package dev.portcullis.adapters.jose;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.lang.System.Logger.Level;
import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which JCA provider does the signing: Amazon Corretto Crypto Provider (native AWS-LC) where its
 * native library loads and passes its self-tests, the JDK's own providers elsewhere.
 *
 * <p>Why it matters: on this kind of machine ACCP signs ES256 about 10× and Ed25519 about 10×
 * faster than the JDK, and the token endpoint is bound by signing. Why it must be optional: the
 * native library exists for linux-x86_64 only (the classifier we ship), so a developer laptop or
 * an ARM host must still work, just slower.
 *
 * <p>The signers and verifiers of this module are handed the provider explicitly, so they do not
 * depend on the global provider order; {@link #install()} additionally puts ACCP first for the
 * rest of the JVM (SecureRandom, digests, TLS), as its authors recommend.
 */
public final class CryptoProviders {

    /** The provider family that is active. */
    public enum Active {
        /** Amazon Corretto Crypto Provider: native, fast. */
        CORRETTO,
        /** The JDK's built-in providers (SunEC, SunRsaSign, SunJCE), with Tink for Ed25519. */
        JDK
    }

    private static final System.Logger LOG = System.getLogger(CryptoProviders.class.getName());

    /** Detected once: the self-tests and the native load happen once per JVM anyway. */
    private static final class Detected {
        static final CryptoProviders INSTANCE = chooseFrom(CryptoProviders::healthyCorretto);
    }

    private final Active active;
    private final Optional<Provider> provider;
    private final String description;

    private CryptoProviders(Active active, Optional<Provider> provider, String description) {
        this.active = active;
        this.provider = provider;
        this.description = description;
    }

    /** Finds out which provider can be used, without changing the JVM's global provider list. */
    public static CryptoProviders detect() {
        return Detected.INSTANCE;
    }

    /**
     * {@link #detect()}, and when ACCP is usable also makes it the JVM's most preferred provider.
     * Call once at startup, before anything caches a provider choice.
     */
    public static CryptoProviders install() {
        CryptoProviders detected = detect();
        detected.provider.ifPresent(p -> {
            if (Security.getProvider(p.getName()) == null) {
                Security.insertProviderAt(p, 1);
                LOG.log(Level.INFO, "installed {0} as the preferred JCA provider", detected.description);
            }
        });
        return detected;
    }

    /** The JDK's providers only: for comparison and for hosts where native code is not wanted. */
    public static CryptoProviders jdk() {
        return new CryptoProviders(Active.JDK, Optional.empty(), "JDK providers (" + System.getProperty("java.vendor")
                + " " + Runtime.version() + ")");
    }

    /**
     * Uses the candidate when it can be obtained healthy, the JDK otherwise; logs which.
     *
     * @param candidate returns a healthy provider or throws saying why it cannot
     */
    static CryptoProviders chooseFrom(Supplier<Provider> candidate) {
        CryptoProviders chosen;
        try {
            Provider provider = Objects.requireNonNull(candidate.get(), "provider");
            chosen = new CryptoProviders(Active.CORRETTO, Optional.of(provider), provider.getName() + " "
                    + provider.getVersionStr());
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the native library is missing or built for another platform.
            chosen = jdk();
            LOG.log(Level.WARNING, "Amazon Corretto Crypto Provider is unavailable ({0}); signing with the "
                    + "slower JDK providers", String.valueOf(e));
        }
        LOG.log(Level.INFO, "JOSE signing and verification use {0}", chosen.description);
        return chosen;
    }

    private static Provider healthyCorretto() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = accp.getLoadingError();
        if (loadingError != null) {
            throw new IllegalStateException("native library did not load: " + loadingError, loadingError);
        }
        accp.assertHealthy();
        return accp;
    }

    public Active active() {
        return active;
    }

    /** Human-readable name and version of the active provider, for logs and diagnostics. */
    public String description() {
        return description;
    }

    /** The provider to hand to JCA explicitly; empty means "let the JDK choose". */
    Optional<Provider> provider() {
        return provider;
    }

    @Override
    public String toString() {
        return "CryptoProviders[" + active + ": " + description + "]";
    }
}
