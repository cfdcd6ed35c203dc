package dev.portcullis.domain.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PkceChallengeTest {

    /** The example of RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void matchesTheRfc7636Example() {
        assertThat(PkceChallenge.fromVerifier(VERIFIER).value()).isEqualTo(CHALLENGE);
        assertThat(new PkceChallenge(CHALLENGE).isMetBy(VERIFIER)).isTrue();
    }

    @Test
    void refusesAnotherOrMalformedVerifier() {
        PkceChallenge challenge = new PkceChallenge(CHALLENGE);
        assertThat(challenge.isMetBy(VERIFIER.replace('d', 'e'))).isFalse();
        assertThat(challenge.isMetBy("short")).isFalse();
        assertThat(challenge.isMetBy(VERIFIER + "!")).isFalse();
        assertThat(challenge.isMetBy(null)).isFalse();
    }

    @Test
    void aChallengeIsFortyThreeBase64UrlCharacters() {
        assertThatThrownBy(() -> new PkceChallenge("plain-is-not-allowed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PkceChallenge(CHALLENGE.replace('-', '+'))).isInstanceOf(IllegalArgumentException.class);
    }
}
