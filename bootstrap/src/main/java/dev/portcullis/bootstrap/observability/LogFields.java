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

    public static LogFields of(Map<String, ?> map) {
        return new LogFields(new LinkedHashMap<>(map));
    }

    public Map<String, Object> asMap() {
        return fields;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(k).append('=').append(v);
        });
        return out.toString();
    }
}
