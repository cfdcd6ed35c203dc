package dev.portcullis.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class TextLogFormatterTest {

    private final TextLogFormatter formatter = new TextLogFormatter();

    @Test
    void writesTheFieldsOfARecordAsNameValuePairsAfterItsMessage() {
        LogRecord record = record(Level.INFO, "audit {0}", LogFields.of("event", "token.issued", "client_id", "myapp"));

        assertThat(formatter.format(record))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO portcullis.audit: "
                        + "audit event=token.issued client_id=myapp" + System.lineSeparator());
    }

    @Test
    void formatsOtherParametersAsJavaUtilLoggingDoes() {
        LogRecord record = record(Level.WARNING, "key rotation refused: {0}", "no key");

        assertThat(formatter.format(record)).endsWith(" WARNING portcullis.audit: key rotation refused: no key"
                + System.lineSeparator());
    }

    @Test
    void appendsTheStackTraceOfAThrowable() {
        LogRecord record = record(Level.SEVERE, "failed", null);
        record.setThrown(new IllegalStateException("boom"));

        assertThat(formatter.format(record)).contains("failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: boom");
    }

    /** Asking a record for its source walks the caller's stack: the cost this formatter exists to avoid. */
    @Test
    void neverAsksARecordForItsSource() {
        LogRecord record = new LogRecord(Level.INFO, "audit {0}") {
            @Override
            public String getSourceClassName() {
                throw new AssertionError("source asked for");
            }

            @Override
            public String getSourceMethodName() {
                throw new AssertionError("source asked for");
            }
        };
        record.setLoggerName("portcullis.audit");
        record.setParameters(new Object[] {LogFields.of("event", "e")});

        assertThat(formatter.format(record)).contains("audit event=e");
    }

    private static LogRecord record(Level level, String message, Object parameter) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("portcullis.audit");
        record.setInstant(Instant.parse("2026-11-26T02:18:19.123Z"));
        if (parameter != null) {
            record.setParameters(new Object[] {parameter});
        }
        return record;
    }
}
