package dev.portcullis.adapters.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.portcullis.adapters.jose.CryptoProviders.Active;
import dev.portcullis.domain.key.SigningAlgorithm;
import java.security.Provider;
import java.security.Security;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void reportsCorrettoExactlyWhenItsNativeLibraryLoaded() {
        boolean loaded = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null;

        CryptoProviders detected = CryptoProviders.detect();

        assertThat(detected.active()).isEqualTo(loaded ? Active.CORRETTO : Active.JDK);
        assertThat(detected.provider().isPresent()).isEqualTo(loaded);
    }

    @Test
    void usesCorrettoOnLinuxX8664WhereItsLibraryShips() {
        assumeTrue(System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "ACCP ships for linux-x86_64 only");

        CryptoProviders detected = CryptoProviders.detect();

        assertThat(detected.active()).isEqualTo(Active.CORRETTO);
        assertThat(detected.provider()).containsSame(AmazonCorrettoCryptoProvider.INSTANCE);
        assertThat(detected.description()).startsWith("AmazonCorrettoCryptoProvider");
    }

    @Test
    void installMakesCorrettoTheJvmsPreferredProviderOnce() {
        CryptoProviders detected = CryptoProviders.detect();
        assumeTrue(detected.active() == Active.CORRETTO, "needs ACCP");
        String name = detected.provider().orElseThrow().getName();
        assumeTrue(Security.getProvider(name) == null, "already installed by someone else");
        try {
            CryptoProviders installed = CryptoProviders.install();
            CryptoProviders.install();

            assertThat(installed).isSameAs(detected);
            assertThat(Security.getProviders()[0].getName()).isEqualTo(name);
            assertThat(Security.getProviders()).filteredOn(p -> p.getName().equals(name)).hasSize(1);
        } finally {
            Security.removeProvider(name); // the other tests expect the JDK's own order
        }
    }

    @Test
    void fallsBackToTheJdkWhenTheNativeProviderIsUnhealthy() {
        CryptoProviders chosen = CryptoProviders.chooseFrom(() -> {
            throw new IllegalStateException("self-test failed");
        });

        assertThat(chosen.active()).isEqualTo(Active.JDK);
        assertThat(chosen.provider()).isEmpty();
    }

    @Test
    void fallsBackToTheJdkWhenTheNativeLibraryIsMissing() {
        CryptoProviders chosen = CryptoProviders.chooseFrom(() -> {
            throw new UnsatisfiedLinkError("no libamazonCorrettoCryptoProvider in java.library.path");
        });

        assertThat(chosen.active()).isEqualTo(Active.JDK);
    }

    @Test
    void usesAHealthyCandidate() {
        Provider candidate = new Provider("Candidate", "1.0", "test") {
            private static final long serialVersionUID = 1L;
        };

        CryptoProviders chosen = CryptoProviders.chooseFrom(() -> candidate);

        assertThat(chosen.active()).isEqualTo(Active.CORRETTO);
        assertThat(chosen.provider()).containsSame(candidate);
        assertThat(chosen.description()).isEqualTo("Candidate 1.0");
    }

    @Test
    void signersAndVerifiersAreHandedTheActiveProviderAndItsOwnKeyObjects() {
        CryptoProviders detected = CryptoProviders.detect();
        assumeTrue(detected.active() == Active.CORRETTO, "needs ACCP");
        Provider accp = detected.provider().orElseThrow();

        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            LoadedKey key = LoadedKey.load(TestKeys.key(algorithm, NOW), detected);
            assertThat(key.signer().getJCAContext().getProvider()).as("%s signer", algorithm).isSameAs(accp);
            assertThat(key.verifier().getJCAContext().getProvider()).as("%s verifier", algorithm).isSameAs(accp);
        }
        // The measured speed-up needs ACCP's own key object, not a JDK one it converts on every call.
        for (SigningAlgorithm algorithm : List.of(SigningAlgorithm.ES256, SigningAlgorithm.RS256)) {
            JcaSigner signer = (JcaSigner) LoadedKey.load(TestKeys.key(algorithm, NOW), detected).signer();
            assertThat(signer.privateKey().getClass().getName()).as("%s key", algorithm).startsWith("com.amazon.corretto");
        }
        assertThat(LoadedKey.load(TestKeys.key(SigningAlgorithm.EdDSA, NOW), detected).signer())
                .isInstanceOf(JcaSigner.class);
    }

    @Test
    void theJdkFallbackLeavesProviderChoiceToTheJdkAndUsesTinkForEd25519() {
        LoadedKey key = LoadedKey.load(TestKeys.key(SigningAlgorithm.EdDSA, NOW), CryptoProviders.jdk());

        assertThat(key.signer().getJCAContext().getProvider()).isNull();
        assertThat(key.signer()).isInstanceOf(com.nimbusds.jose.crypto.Ed25519Signer.class);
    }
}
