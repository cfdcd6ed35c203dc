package dev.portcullis.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * The scope parser never throws, and what it accepts is a fixed point of parse∘wire. Runs the
 * committed corpus under {@code mvn verify}; fuzz for longer with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl domain test -Dtest=ScopeParserFuzzTest}.
 */
class ScopeParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parsesAnyStringWithoutThrowing(FuzzedDataProvider data) {
        String wire = data.consumeRemainingAsString();
        Optional<ScopeSet> parsed = ScopeSet.parse(wire);
        if (parsed.isPresent()) {
            ScopeSet set = parsed.get();
            assertThat(ScopeSet.parse(set.wire())).contains(set);
            for (Scope scope : set.scopes()) {
                assertThat(wire).contains(scope.value());
                assertThat(Scope.isValid(scope.value())).isTrue();
            }
            assertThat(wire).doesNotStartWith(" ").doesNotEndWith(" ");
        }
    }
}
