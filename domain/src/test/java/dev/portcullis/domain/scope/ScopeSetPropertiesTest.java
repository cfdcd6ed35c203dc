package dev.portcullis.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.domain.testing.Chars;
import dev.portcullis.domain.testing.Gen;
import dev.portcullis.domain.testing.PropertyRunner;
import dev.portcullis.domain.testing.PropertyTest;
import java.util.Set;

/** The scope algebra as laws over arbitrary sets of RFC 6749 §3.3 scope tokens. */
class ScopeSetPropertiesTest {

    /** Every scope-token character: %x21 / %x23-5B / %x5D-7E. */
    private static final Chars SCOPE_CHARS = Chars.of("!").and('#', '[').and(']', '~');

    private static ScopeSet scopeSet(Gen any) {
        return any.draw(g -> ScopeSet.of(g.set(8, ScopeSetPropertiesTest::token).toArray(String[]::new)));
    }

    /** Any scope token, or one of a small pool of short ones, so that unions and intersections overlap often. */
    private static String token(Gen any) {
        return any.bool()
                ? any.string(SCOPE_CHARS, 1, 12)
                : any.oneOf("read", "write", "admin", "a", "b", "introspect");
    }

    @PropertyTest
    void theWireFormParsesBackToTheSameSet(Gen any) {
        ScopeSet s = scopeSet(any);
        assertThat(ScopeSet.parse(s.wire())).contains(s);
    }

    @PropertyTest
    void theWireFormIsCanonical(Gen any) {
        ScopeSet s = scopeSet(any);
        String wire = s.wire();
        assertThat(wire).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(ScopeSet.parse(wire).orElseThrow().wire()).isEqualTo(wire);
    }

    @PropertyTest
    void unionIsCommutativeAssociativeAndIdempotent(Gen any) {
        ScopeSet a = scopeSet(any);
        ScopeSet b = scopeSet(any);
        ScopeSet c = scopeSet(any);
        assertThat(a.union(b)).isEqualTo(b.union(a));
        assertThat(a.union(b).union(c)).isEqualTo(a.union(b.union(c)));
        assertThat(a.union(a)).isEqualTo(a);
        assertThat(a.union(ScopeSet.empty())).isEqualTo(a);
    }

    @PropertyTest
    void intersectionIsCommutativeAssociativeAndIdempotent(Gen any) {
        ScopeSet a = scopeSet(any);
        ScopeSet b = scopeSet(any);
        ScopeSet c = scopeSet(any);
        assertThat(a.intersect(b)).isEqualTo(b.intersect(a));
        assertThat(a.intersect(b).intersect(c)).isEqualTo(a.intersect(b.intersect(c)));
        assertThat(a.intersect(a)).isEqualTo(a);
        assertThat(a.intersect(ScopeSet.empty())).isEqualTo(ScopeSet.empty());
    }

    @PropertyTest
    void absorptionAndDistribution(Gen any) {
        ScopeSet a = scopeSet(any);
        ScopeSet b = scopeSet(any);
        ScopeSet c = scopeSet(any);
        assertThat(a.union(a.intersect(b))).isEqualTo(a);
        assertThat(a.intersect(a.union(b))).isEqualTo(a);
        assertThat(a.intersect(b.union(c))).isEqualTo(a.intersect(b).union(a.intersect(c)));
    }

    @PropertyTest
    void subsetAgreesWithUnionAndIntersection(Gen any) {
        ScopeSet a = scopeSet(any);
        ScopeSet b = scopeSet(any);
        assertThat(a.union(b).containsAll(a)).isTrue();
        assertThat(a.containsAll(a.intersect(b))).isTrue();
        assertThat(a.containsAll(b)).isEqualTo(a.union(b).equals(a)).isEqualTo(a.intersect(b).equals(b));
        assertThat(a.containsAll(ScopeSet.empty())).isTrue();
    }

    @PropertyTest
    void membershipOfUnionAndIntersection(Gen any) {
        ScopeSet a = scopeSet(any);
        ScopeSet b = scopeSet(any);
        for (Scope s : a.union(b).scopes()) {
            assertThat(a.contains(s) || b.contains(s)).isTrue();
        }
        for (Scope s : a.intersect(b).scopes()) {
            assertThat(a.contains(s) && b.contains(s)).isTrue();
        }
    }

    @PropertyTest
    void aWireFormWithAForbiddenCharacterDoesNotParse(Gen any) {
        ScopeSet s = scopeSet(any);
        char bad = any.draw(ScopeSetPropertiesTest::forbidden);
        String wire = s.wire() + (s.isEmpty() ? "" : " ") + "x" + bad + "y";
        assertThat(ScopeSet.parse(wire)).isEmpty();
    }

    @PropertyTest
    void extraSpacesDoNotParse(Gen any) {
        ScopeSet s = scopeSet(any);
        if (s.isEmpty()) {
            assertThat(ScopeSet.parse(" ")).isEmpty();
            return;
        }
        assertThat(ScopeSet.parse(" " + s.wire())).isEmpty();
        assertThat(ScopeSet.parse(s.wire() + " ")).isEmpty();
        assertThat(ScopeSet.parse(s.wire().replaceFirst(" ", "  "))).satisfiesAnyOf(
                p -> assertThat(s.scopes()).hasSize(1),
                p -> assertThat(p).isEmpty());
    }

    /** A character no scope token may hold: a control, a quote, a backslash, DEL, or anything past ASCII. */
    private static char forbidden(Gen any) {
        return switch (any.between(0, 2)) {
            case 0 -> any.charIn(Chars.range('\u0000', '\u001f'));
            case 1 -> any.oneOf('"', '\\', '\u007f');
            default -> any.charIn(Chars.range('\u0080', '\uffff'));
        };
    }

    @PropertyTest
    void setsOfTheSameTokensAreEqualWhateverTheOrder(Gen any) {
        ScopeSet s = scopeSet(any);
        Set<Scope> reversed = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        reversed.addAll(s.scopes());
        assertThat(ScopeSet.of(reversed)).isEqualTo(s);
    }

    /** Coverage-guided fuzzing of the laws above: {@code JAZZER_FUZZ=1 ./mvnw -pl domain test -Dtest=ScopeSetPropertiesTest}. */
    @FuzzTest(maxDuration = "60s")
    void fuzzed(FuzzedDataProvider data) throws Throwable {
        PropertyRunner.fuzz(this, data);
    }
}
