package dev.portcullis.bootstrap.observability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line for every log record: {@code ts}, {@code level}, {@code logger}, {@code message}, the
 * record's {@link LogFields} as members, and {@code error} (the stack trace) when it carries a throwable.
 */
public final class JsonLogFormatter extends Formatter {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("ts", Instant.ofEpochMilli(record.getMillis()).toString());
            json.writeStringField("level", record.getLevel().getName());
            json.writeStringField("logger", record.getLoggerName());
            Object[] params = record.getParameters();
            if (params != null && params.length == 1 && params[0] instanceof LogFields fields) {
                json.writeStringField("message", LogFields.messageWithout(record.getMessage()));
                for (Map.Entry<String, Object> field : fields.asMap().entrySet()) {
                    if (field.getValue() instanceof Number number) {
                        json.writeFieldName(field.getKey());
                        json.writeNumber(number.toString());
                    } else {
                        json.writeStringField(field.getKey(), String.valueOf(field.getValue()));
                    }
                }
            } else {
                json.writeStringField("message", formatMessage(record));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                json.writeStringField("error", trace.toString());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(System.lineSeparator()).toString();
    }
}
