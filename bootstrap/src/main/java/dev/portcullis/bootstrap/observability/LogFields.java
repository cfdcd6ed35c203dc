package dev.portcullis.bootstrap.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structured part of a log record, passed as its one parameter: {@link JsonLogFormatter} writes each
 * field as a JSON member, the text format prints {@code name=value} pairs. Values are never secrets or tokens.
 */
public final class LogFields {

    private final Map<String, Object> fields;

    private LogFields(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** @param pairs name, value, name, value…; null values are left out */
    public static LogFields of(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                fields.put(String.valueOf(pairs[i]), pairs[i + 1]);
            }
        }
        return new LogFields(fields);
    }

    /** {@code event} = {@code type} first, then the event's fields: one map, built once per audit record. */
    static LogFields event(String type, Map<String, String> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields.size() * 2);
        all.put("event", type);
        all.putAll(fields);
        return new LogFields(all);
    }

    public Map<String, Object> asMap() {
        return fields;
    }

    /** The message of a record that carries fields, without the {@code " {0}"} that stands for them. */
    static String messageWithout(String message) {
        int placeholder = message == null ? -1 : message.indexOf(" {0}");
        return placeholder < 0 ? String.valueOf(message) : message.substring(0, placeholder);
    }

    /** Appends the {@code name=value} pairs, separated by spaces. */
    void appendTo(StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                out.append(' ');
            }
            out.append(field.getKey()).append('=').append(field.getValue());
            first = false;
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }
}
