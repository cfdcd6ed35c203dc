package dev.portcullis.domain.code;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** PKCE S256 (RFC 7636) over arbitrary verifiers: the challenge's shape, and that only its verifier meets it. */
class PkcePropertiesTest {

    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    @Provide
    Arbitrary<String> verifiers() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-', '.', '_', '~').ofMinLength(43).ofMaxLength(128);
    }

    @Property
    void theChallengeIsAlways43Base64UrlCharacters(@ForAll("verifiers") String verifier) {
        String challenge = PkceChallenge.fromVerifier(verifier).value();
        assertThat(challenge).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Property
    void aChallengeIsMetByItsVerifier(@ForAll("verifiers") String verifier) {
        assertThat(PkceChallenge.fromVerifier(verifier).isMetBy(verifier)).isTrue();
    }

    @Property
    void aChallengeIsNotMetByAnyOtherVerifier(@ForAll("verifiers") String verifier, @ForAll("verifiers") String other) {
        Assume.that(!verifier.equals(other));
        assertThat(PkceChallenge.fromVerifier(verifier).isMetBy(other)).isFalse();
    }

    @Property
    void oneChangedCharacterIsEnoughToFail(@ForAll("verifiers") String verifier, @ForAll int position) {
        int at = Math.floorMod(position, verifier.length());
        char changed = verifier.charAt(at) == 'a' ? 'b' : 'a';
        String other = verifier.substring(0, at) + changed + verifier.substring(at + 1);
        assertThat(PkceChallenge.fromVerifier(verifier).isMetBy(other)).isFalse();
    }

    @Property
    void theChallengeItselfOrAnInvalidVerifierNeverMeetsIt(@ForAll("verifiers") String verifier) {
        PkceChallenge challenge = PkceChallenge.fromVerifier(verifier);
        assertThat(challenge.isMetBy(challenge.value())).isFalse();
        assertThat(challenge.isMetBy(verifier + "=")).isFalse();
        assertThat(challenge.isMetBy(verifier.substring(1))).isEqualTo(false);
        assertThat(challenge.isMetBy(null)).isFalse();
    }

    @Property
    void verifiersOutsideTheGrammarAreRefused(@ForAll String anything) {
        Assume.that(!anything.matches("[A-Za-z0-9._~-]{43,128}"));
        assertThat(PkceChallenge.isValidVerifier(anything)).isFalse();
    }
}
