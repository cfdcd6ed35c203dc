package dev.portcullis.adapters.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StackTraceBudgetTest {

    private final AtomicLong now = new AtomicLong();
    private final StackTraceBudget budget = new StackTraceBudget(now::get);

    private static IllegalStateException bug() {
        return new IllegalStateException("the same bug, message " + System.nanoTime());
    }

    @Test
    void aCauseGetsOneStackTraceAMinute() {
        assertThat(budget.allows(bug())).isTrue();
        now.addAndGet(StackTraceBudget.WINDOW.toNanos() - 1);
        assertThat(budget.allows(bug())).as("the same cause within the minute").isFalse();
        now.addAndGet(1);
        assertThat(budget.allows(bug())).as("a minute later").isTrue();
    }

    @Test
    void distinctCausesEachGetTheirOwn() {
        assertThat(budget.allows(bug())).isTrue();
        assertThat(budget.allows(new IllegalArgumentException("other"))).isTrue();
        assertThat(budget.allows(new IllegalStateException("wrapped", new IllegalArgumentException()))).isTrue();
        assertThat(budget.allows(bug())).isFalse();
    }
}
