package dev.portcullis.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeSetTest {

    @Test
    void parsesSpaceDelimitedScopesIntoASortedSet() {
        assertThat(ScopeSet.parse("write read").orElseThrow().wire()).isEqualTo("read write");
    }

    @Test
    void emptyWireFormIsTheEmptySet() {
        assertThat(ScopeSet.parse("").orElseThrow().isEmpty()).isTrue();
    }

    @Test
    void repeatedScopesCollapse() {
        assertThat(ScopeSet.parse("read read").orElseThrow()).isEqualTo(ScopeSet.of("read"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" read", "read ", "read  write", "re\"ad", "re\\ad", "caf\u00e9", "tab\tbed", "new\nline"})
    void refusesWhatRfc6749Section33DoesNotAllow(String wire) {
        assertThat(ScopeSet.parse(wire)).isEmpty();
    }

    @Test
    void acceptsEveryAllowedPunctuation() {
        assertThat(ScopeSet.parse("urn:example:read api/orders.write! #x ~y").orElseThrow().scopes()).hasSize(4);
    }

    @Test
    void subsetAlgebra() {
        ScopeSet allowed = ScopeSet.of("read", "write");
        assertThat(allowed.containsAll(ScopeSet.of("read"))).isTrue();
        assertThat(allowed.containsAll(ScopeSet.of("read", "admin"))).isFalse();
        assertThat(allowed.containsAll(ScopeSet.empty())).isTrue();
        assertThat(allowed.intersect(ScopeSet.of("write", "admin"))).isEqualTo(ScopeSet.of("write"));
        assertThat(ScopeSet.of("a").union(ScopeSet.of("b"))).isEqualTo(ScopeSet.of("a", "b"));
    }

    @Test
    void aScopeCannotBeBuiltInvalid() {
        assertThatThrownBy(() -> new Scope("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scope("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
