package dev.portcullis.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The scope algebra as laws over arbitrary sets of RFC 6749 §3.3 scope tokens. */
class ScopeSetPropertiesTest {

    /** Every scope-token character: %x21 / %x23-5B / %x5D-7E. */
    @Provide
    Arbitrary<ScopeSet> scopeSets() {
        Arbitrary<String> token = Arbitraries.strings()
                .withChars('!').withCharRange('#', '[').withCharRange(']', '~')
                .ofMinLength(1).ofMaxLength(12);
        // a small pool of short tokens too, so that unions and intersections overlap often
        Arbitrary<String> common = Arbitraries.of("read", "write", "admin", "a", "b", "introspect");
        return Arbitraries.oneOf(token, common).set().ofMaxSize(8).map(s -> ScopeSet.of(s.toArray(String[]::new)));
    }

    @Property
    void theWireFormParsesBackToTheSameSet(@ForAll("scopeSets") ScopeSet s) {
        assertThat(ScopeSet.parse(s.wire())).contains(s);
    }

    @Property
    void theWireFormIsCanonical(@ForAll("scopeSets") ScopeSet s) {
        String wire = s.wire();
        assertThat(wire).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(ScopeSet.parse(wire).orElseThrow().wire()).isEqualTo(wire);
    }

    @Property
    void unionIsCommutativeAssociativeAndIdempotent(@ForAll("scopeSets") ScopeSet a, @ForAll("scopeSets") ScopeSet b,
            @ForAll("scopeSets") ScopeSet c) {
        assertThat(a.union(b)).isEqualTo(b.union(a));
        assertThat(a.union(b).union(c)).isEqualTo(a.union(b.union(c)));
        assertThat(a.union(a)).isEqualTo(a);
        assertThat(a.union(ScopeSet.empty())).isEqualTo(a);
    }

    @Property
    void intersectionIsCommutativeAssociativeAndIdempotent(@ForAll("scopeSets") ScopeSet a, @ForAll("scopeSets") ScopeSet b,
            @ForAll("scopeSets") ScopeSet c) {
        assertThat(a.intersect(b)).isEqualTo(b.intersect(a));
        assertThat(a.intersect(b).intersect(c)).isEqualTo(a.intersect(b.intersect(c)));
        assertThat(a.intersect(a)).isEqualTo(a);
        assertThat(a.intersect(ScopeSet.empty())).isEqualTo(ScopeSet.empty());
    }

    @Property
    void absorptionAndDistribution(@ForAll("scopeSets") ScopeSet a, @ForAll("scopeSets") ScopeSet b,
            @ForAll("scopeSets") ScopeSet c) {
        assertThat(a.union(a.intersect(b))).isEqualTo(a);
        assertThat(a.intersect(a.union(b))).isEqualTo(a);
        assertThat(a.intersect(b.union(c))).isEqualTo(a.intersect(b).union(a.intersect(c)));
    }

    @Property
    void subsetAgreesWithUnionAndIntersection(@ForAll("scopeSets") ScopeSet a, @ForAll("scopeSets") ScopeSet b) {
        assertThat(a.union(b).containsAll(a)).isTrue();
        assertThat(a.containsAll(a.intersect(b))).isTrue();
        assertThat(a.containsAll(b)).isEqualTo(a.union(b).equals(a)).isEqualTo(a.intersect(b).equals(b));
        assertThat(a.containsAll(ScopeSet.empty())).isTrue();
    }

    @Property
    void membershipOfUnionAndIntersection(@ForAll("scopeSets") ScopeSet a, @ForAll("scopeSets") ScopeSet b) {
        for (Scope s : a.union(b).scopes()) {
            assertThat(a.contains(s) || b.contains(s)).isTrue();
        }
        for (Scope s : a.intersect(b).scopes()) {
            assertThat(a.contains(s) && b.contains(s)).isTrue();
        }
    }

    @Property
    void aWireFormWithAForbiddenCharacterDoesNotParse(@ForAll("scopeSets") ScopeSet s,
            @ForAll("forbidden") char bad) {
        String wire = s.wire() + (s.isEmpty() ? "" : " ") + "x" + bad + "y";
        assertThat(ScopeSet.parse(wire)).isEmpty();
    }

    @Property
    void extraSpacesDoNotParse(@ForAll("scopeSets") ScopeSet s) {
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

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.of('"', '\\', '\u007f'),
                Arbitraries.chars().range('\u0080', '\uffff'));
    }

    @Property
    void setsOfTheSameTokensAreEqualWhateverTheOrder(@ForAll("scopeSets") ScopeSet s) {
        Set<Scope> reversed = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        reversed.addAll(s.scopes());
        assertThat(ScopeSet.of(reversed)).isEqualTo(s);
    }
}
