package dev.portcullis.application.port.out.contract;

import java.time.Instant;

/** Fixed instants for contract tests: every time in a test is relative to {@link #T0}, never the wall clock. */
public final class Times {

    /** The instant every contract test starts at. */
    public static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    /** An instant with nanoseconds, to check that stores keep instants exactly and not only to the millisecond. */
    public static final Instant T0_WITH_NANOS = T0.plusNanos(123_456_789);

    private Times() {}
}
