package dev.portcullis.domain.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.domain.testing.Chars;
import dev.portcullis.domain.testing.Gen;
import dev.portcullis.domain.testing.PropertyRunner;
import dev.portcullis.domain.testing.PropertyTest;

/** PKCE S256 (RFC 7636) over arbitrary verifiers: the challenge's shape, and that only its verifier meets it. */
class PkcePropertiesTest {

    /** RFC 7636 §4.1: unreserved characters. */
    private static final Chars UNRESERVED = Chars.range('A', 'Z').and('a', 'z').and('0', '9').and(Chars.of("-._~"));

    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static String verifier(Gen any) {
        return any.string(UNRESERVED, 43, 128);
    }

    @PropertyTest
    void theChallengeIsAlways43Base64UrlCharacters(Gen any) {
        String challenge = PkceChallenge.fromVerifier(verifier(any)).value();
        assertThat(challenge).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @PropertyTest
    void aChallengeIsMetByItsVerifier(Gen any) {
        String verifier = verifier(any);
        assertThat(PkceChallenge.fromVerifier(verifier).isMetBy(verifier)).isTrue();
    }

    @PropertyTest
    void aChallengeIsNotMetByAnyOtherVerifier(Gen any) {
        String verifier = verifier(any);
        String other = verifier(any);
        if (verifier.equals(other)) {
            return;
        }
        assertThat(PkceChallenge.fromVerifier(verifier).isMetBy(other)).isFalse();
    }

    @PropertyTest
    void oneChangedCharacterIsEnoughToFail(Gen any) {
        String verifier = verifier(any);
        int at = Math.floorMod(any.anyInt(), verifier.length());
        char changed = verifier.charAt(at) == 'a' ? 'b' : 'a';
        String other = verifier.substring(0, at) + changed + verifier.substring(at + 1);
        assertThat(PkceChallenge.fromVerifier(verifier).isMetBy(other)).isFalse();
    }

    @PropertyTest
    void theChallengeItselfOrAnInvalidVerifierNeverMeetsIt(Gen any) {
        String verifier = verifier(any);
        PkceChallenge challenge = PkceChallenge.fromVerifier(verifier);
        assertThat(challenge.isMetBy(challenge.value())).isFalse();
        assertThat(challenge.isMetBy(verifier + "=")).isFalse();
        assertThat(challenge.isMetBy(verifier.substring(1))).isFalse();
        assertThat(challenge.isMetBy(null)).isFalse();
    }

    /**
     * Both ways: what the grammar refuses is refused, and what it admits is admitted. Any string at all is almost
     * never near the grammar's edges, so half the cases are near-verifiers: the right alphabet, often at or next to
     * the 43 and 128 bounds, sometimes with one character replaced by another (printable ASCII half the time, where
     * a wrong class would most likely go wrong).
     */
    @PropertyTest(tries = 5_000)
    void verifiersOutsideTheGrammarAreRefused(Gen any) {
        String candidate = any.bool() ? any.draw(PkcePropertiesTest::nearVerifier) : any.anyString(140);
        assertThat(PkceChallenge.isValidVerifier(candidate)).as(candidate)
                .isEqualTo(candidate.matches("[A-Za-z0-9._~-]{43,128}"));
    }

    private static String nearVerifier(Gen any) {
        int length = any.bool() ? any.oneOf(0, 1, 42, 43, 44, 127, 128, 129) : any.between(0, 140);
        String verifier = any.string(UNRESERVED, length, length);
        if (length == 0 || any.bool()) {
            return verifier;
        }
        int at = any.between(0, length - 1);
        char other = any.bool() ? any.charIn(Chars.range(' ', '~')) : any.anyChar();
        return verifier.substring(0, at) + other + verifier.substring(at + 1);
    }

    /** Coverage-guided fuzzing of the properties above: {@code JAZZER_FUZZ=1 ./mvnw -pl domain test -Dtest=PkcePropertiesTest}. */
    @FuzzTest(maxDuration = "60s")
    void fuzzed(FuzzedDataProvider data) throws Throwable {
        PropertyRunner.fuzz(this, data);
    }
}
