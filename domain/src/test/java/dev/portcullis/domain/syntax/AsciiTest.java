package dev.portcullis.domain.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.domain.testing.Chars;
import dev.portcullis.domain.testing.Gen;
import dev.portcullis.domain.testing.PropertyRunner;
import dev.portcullis.domain.testing.PropertyTest;
import org.junit.jupiter.api.Test;

class AsciiTest {

    @Test
    void vcharExcludesSpaceAndControlsAndNonAscii() {
        assertThat(Ascii.allVchar("!~azAZ09")).isTrue();
        assertThat(Ascii.allVchar("a b")).isFalse();
        assertThat(Ascii.allVchar("a\u007Fb")).isFalse();
        assertThat(Ascii.allVchar("a\tb")).isFalse();
        assertThat(Ascii.allVchar("café")).isFalse();
    }

    @Test
    void vscharAdmitsSpaceOnly() {
        assertThat(Ascii.allVschar("a b ~")).isTrue();
        assertThat(Ascii.allVschar("a\u001Fb")).isFalse();
        assertThat(Ascii.allVschar("a\u007Fb")).isFalse();
        assertThat(Ascii.allVschar("\u00A0")).isFalse();
    }

    /**
     * Any string, or a visible one with one character anywhere in it replaced: a random string is almost never all
     * visible, and only one that nearly is tells a right check from one that admits a wrong character.
     */
    @PropertyTest(tries = 10_000)
    void agreesWithTheGrammarsCharacterRanges(Gen any) {
        String value = any.bool() ? any.draw(AsciiTest::nearlyVisible) : any.anyString(64);
        assertThat(Ascii.allVchar(value)).isEqualTo(value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E));
        assertThat(Ascii.allVschar(value)).isEqualTo(value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E));
    }

    private static String nearlyVisible(Gen any) {
        String visible = any.string(Chars.range(' ', '~'), 1, 16);
        int at = any.between(0, visible.length() - 1);
        return visible.substring(0, at) + any.anyChar() + visible.substring(at + 1);
    }

    /** Coverage-guided fuzzing of the property: {@code JAZZER_FUZZ=1 ./mvnw -pl domain test -Dtest=AsciiTest}. */
    @FuzzTest(maxDuration = "30s")
    void fuzzed(FuzzedDataProvider data) throws Throwable {
        PropertyRunner.fuzz(this, data);
    }
}
