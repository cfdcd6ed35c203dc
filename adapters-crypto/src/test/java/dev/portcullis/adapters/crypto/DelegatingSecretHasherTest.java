package dev.portcullis.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.domain.secret.SecretHash;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelegatingSecretHasherTest {

    private final Sha256HashScheme sha256 = new Sha256HashScheme();
    private final Pbkdf2HashScheme pbkdf2 = new Pbkdf2HashScheme(1_000);
    private final BcryptHashScheme bcrypt = new BcryptHashScheme(4);
    private final SecretHasher hasher = new DelegatingSecretHasher(sha256, List.of(pbkdf2, bcrypt));

    @Test
    void hashes_new_secrets_with_the_default_scheme() {
        SecretHash hash = hasher.hash("client-secret");

        assertThat(hash.scheme()).isEqualTo("sha256");
        assertThat(hasher.matches("client-secret", hash)).isTrue();
        assertThat(hasher.matches("client-secreT", hash)).isFalse();
    }

    @Test
    void default_scheme_is_configurable() {
        SecretHasher byBcrypt = new DelegatingSecretHasher(bcrypt, List.of(sha256));
        SecretHasher byPbkdf2 = new DelegatingSecretHasher(pbkdf2, List.of());

        assertThat(byBcrypt.hash("s").scheme()).isEqualTo("2b");
        assertThat(byPbkdf2.hash("s").scheme()).isEqualTo("pbkdf2-sha256");
    }

    @Test
    void checks_each_accepted_scheme_by_its_prefix() {
        SecretHash bySha = sha256.hash("s1");
        SecretHash byPbkdf2 = pbkdf2.hash("s2");
        SecretHash byBcrypt = new SecretHash(OpenBSDBCrypt.generate("2y", "s3".toCharArray(), new byte[16], 4));

        assertThat(hasher.matches("s1", bySha)).isTrue();
        assertThat(hasher.matches("s2", byPbkdf2)).isTrue();
        assertThat(hasher.matches("s3", byBcrypt)).isTrue();
        assertThat(hasher.matches("s2", bySha)).isFalse();
        assertThat(hasher.matches("s3", byPbkdf2)).isFalse();
        assertThat(hasher.matches("s1", byBcrypt)).isFalse();
    }

    @Test
    void a_scheme_not_configured_does_not_match() {
        SecretHasher shaOnly = new DelegatingSecretHasher(sha256, List.of());

        assertThat(shaOnly.matches("s", pbkdf2.hash("s"))).isFalse();
        assertThat(shaOnly.matches("s", bcrypt.hash("s"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$unknown$c2FsdHNhbHQ$aGFzaA",
        "$2x$04$abcdefghijklmnopqrstuuTXFpkwJ3ovhJ1eqH4pzoHTwFTjQN3O",
        "$SHA256$c2FsdHNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$sha256xx",
        "$sha256$",
        "$sha256$$",
        "$sha256$c2FsdHNhbHRzYWx0$",
        "$sha256$c2FsdHNhbHRzYWx0$aGFzaA",
        "$sha256$!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$sha256$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$sha256$c2FsdHNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra",
        "$pbkdf2-sha256$",
        "$pbkdf2-sha256$i=1000",
        "$pbkdf2-sha256$i=1000$c2FsdA$",
        "$pbkdf2-sha256$i=abc$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=0$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=-5$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=99999999999999$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$x=1000$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=1000$c2FsdA$AAAA",
        "$2b$0000",
        "$2b$04$tooshort",
        "$2b$4$abcdefghijklmnopqrstuuTXFpkwJ3ovhJ1eqH4pzoHTwFTjQN3Om",
        "$2b$03$abcdefghijklmnopqrstuuTXFpkwJ3ovhJ1eqH4pzoHTwFTjQN3O",
        "$2b$99$abcdefghijklmnopqrstuuTXFpkwJ3ovhJ1eqH4pzoHTwFTjQN3O",
        "$2b$04$abcdefghijklmnopqrstuuTXFpkwJ3ovhJ1eqH4pzoHTwFTjQN3!",
        "$2b$04$abcdefghijklmnopqrstuuTXFpkwJ3ovhJ1eqH4pzoHTwFTjQN3Oextra",
        "$$$$$$$$$$$$",
        "$\u0000\u0000\u0000\u0000\u0000\u0000\u0000",
    })
    void malformed_or_unknown_encodings_do_not_match_and_do_not_throw(String encoded) {
        SecretHash hash = new SecretHash(encoded);

        assertThatCode(() -> assertThat(hasher.matches("secret", hash)).isFalse()).doesNotThrowAnyException();
    }

    @Test
    void every_truncation_or_corruption_of_a_valid_encoding_is_rejected_without_throwing() {
        List<SecretHash> valid = List.of(sha256.hash("secret"), pbkdf2.hash("secret"), bcrypt.hash("secret"));
        List<String> damaged = new ArrayList<>();
        for (SecretHash hash : valid) {
            String s = hash.encoded();
            int hashField = s.lastIndexOf('$') + 1;
            for (int end = 8; end < s.length(); end++) {
                // PBKDF2 output is a prefix of longer output: a hash field cut to 16+ bytes is a valid, shorter encoding
                boolean shorterPbkdf2 = hash.scheme().equals("pbkdf2-sha256") && end - hashField >= 22;
                if (!shorterPbkdf2) {
                    damaged.add(s.substring(0, end));
                }
            }
            for (int i = 1; i < s.length(); i++) {
                for (char c : new char[] {'$', '!', 'é', '\n'}) {
                    if (s.charAt(i) == c) {
                        continue;
                    }
                    damaged.add(s.substring(0, i) + c + s.substring(i + 1));
                }
            }
            damaged.add(s + "A");
            damaged.add(s + "$");
        }

        for (String encoded : damaged) {
            SecretHash hash = new SecretHash(encoded);
            assertThatCode(() -> assertThat(hasher.matches("secret", hash)).as(encoded).isFalse())
                    .as(encoded)
                    .doesNotThrowAnyException();
        }
        assertThat(damaged).hasSizeGreaterThan(500);
    }

    @Test
    void a_huge_encoding_is_rejected_quickly() {
        SecretHash huge = new SecretHash("$sha256$" + "A".repeat(1_000_000) + "$" + "B".repeat(43));

        assertThat(hasher.matches("secret", huge)).isFalse();
    }

    @Test
    void two_schemes_claiming_one_identifier_are_refused() {
        assertThatThrownBy(() -> new DelegatingSecretHasher(sha256, List.of(new Sha256HashScheme())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha256");
    }

    @Test
    void client_secret_hasher_stores_sha256_and_reads_imported_slow_hashes() {
        DelegatingSecretHasher clients = SecretHashers.forClientSecrets(Clock.systemUTC());
        SecretHash imported = new SecretHash(OpenBSDBCrypt.generate("2a",
                "legacy".getBytes(StandardCharsets.UTF_8), new byte[16], 4));

        assertThat(clients.hash("generated").encoded()).startsWith("$sha256$");
        assertThat(clients.matches("generated", clients.hash("generated"))).isTrue();
        assertThat(clients.matches("legacy", imported)).isTrue();
        assertThat(clients.matches("legacy", pbkdf2.hash("legacy"))).isTrue();
        assertThat(clients.matches("other", imported)).isFalse();
    }

    @Test
    void password_hasher_stores_bcrypt_at_the_given_cost_and_refuses_the_fast_scheme() {
        DelegatingSecretHasher passwords = SecretHashers.forPasswords(4, Clock.systemUTC());

        assertThat(passwords.hash("pw").encoded()).startsWith("$2b$04$");
        assertThat(passwords.matches("pw", passwords.hash("pw"))).isTrue();
        assertThat(passwords.matches("pw", pbkdf2.hash("pw"))).isTrue();
        assertThat(passwords.matches("pw", sha256.hash("pw"))).isFalse();
    }
}
