package dev.portcullis.domain.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

    @Property
    void agreesWithTheGrammarsCharacterRanges(@ForAll String value) {
        assertThat(Ascii.allVchar(value)).isEqualTo(value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E));
        assertThat(Ascii.allVschar(value)).isEqualTo(value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E));
    }
}
