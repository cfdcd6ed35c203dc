package dev.portcullis.bootstrap.observability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The text log line ({@code 2026-11-26T02:18:19.123 INFO logger: message}, local time), with a
 * record's {@link LogFields} as {@code name=value} pairs, written without what makes {@link java.util.logging.SimpleFormatter}
 * expensive on the token endpoint's hot path (one audit record per token): it never asks the record for its source,
 * which walks the caller's stack, and formats neither through {@code String.format} nor {@code MessageFormat}.
 */
public final class TextLogFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        TIME.formatTo(LocalDateTime.ofInstant(record.getInstant(), zone), line);
        line.append(' ').append(record.getLevel().getLocalizedName())
                .append(' ').append(record.getLoggerName()).append(": ");
        Object[] params = record.getParameters();
        if (params != null && params.length == 1 && params[0] instanceof LogFields fields) {
            line.append(LogFields.messageWithout(record.getMessage())).append(' ');
            fields.appendTo(line);
        } else {
            line.append(formatMessage(record));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
