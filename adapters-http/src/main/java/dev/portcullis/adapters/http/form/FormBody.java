package dev.portcullis.adapters.http.form;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A strictly parsed {@code application/x-www-form-urlencoded} body (RFC 6749 Appendix B).
 *
 * <ul>
 *   <li>{@code +} decodes to a space, {@code %XX} to the byte XX; the bytes must be UTF-8.
 *       A malformed escape or invalid UTF-8 makes the whole body {@link Malformed}.</li>
 *   <li>Every value of a name is kept, so that a repeated parameter can be refused
 *       (RFC 6749 §3.2: parameters MUST NOT be included more than once).</li>
 *   <li>A parameter sent without a value is treated as omitted (RFC 6749 §3.1). Pairs with an
 *       empty name, and empty pairs ({@code a=1&&b=2}), are skipped.</li>
 * </ul>
 */
public final class FormBody {

    private final Map<String, List<String>> values;

    private FormBody(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The outcome of parsing a body: a form, or the reason it is not one. */
    public sealed interface Result {
    }

    public record Parsed(FormBody form) implements Result {
        public Parsed {
            Objects.requireNonNull(form, "form");
        }
    }

    /** @param reason for the log; never echoes the body */
    public record Malformed(String reason) implements Result {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** One parameter as the parser of a request sees it: absent, present once, or repeated. */
    public sealed interface Param {
    }

    public record Absent() implements Param {
    }

    public record Single(String value) implements Param {
        public Single {
            Objects.requireNonNull(value, "value");
        }

        /** Never prints the value: it may be a secret. */
        @Override
        public String toString() {
            return "Single[…]";
        }
    }

    public record Repeated(int count) implements Param {
    }

    public static FormBody empty() {
        return new FormBody(Map.of());
    }

    public static Result parse(byte[] body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int start = 0;
        int pair = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                pair++;
                int eq = indexOf(body, (byte) '=', start, end);
                Optional<String> name = decodeComponent(body, start, eq);
                Optional<String> value = eq < end ? decodeComponent(body, eq + 1, end) : Optional.of("");
                if (name.isEmpty() || value.isEmpty()) {
                    return new Malformed("pair " + pair + " has a malformed %-escape or is not UTF-8");
                }
                if (!name.get().isEmpty() && !value.get().isEmpty()) {
                    values.computeIfAbsent(name.get(), n -> new ArrayList<>(1)).add(value.get());
                }
            }
            start = end + 1;
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new Parsed(new FormBody(Collections.unmodifiableMap(values)));
    }

    /** Convenience for tests and callers holding text: the string's UTF-8 bytes, parsed. */
    public static Result parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes one form-urlencoded component: {@code +} is a space, {@code %XX} a byte, and the
     * resulting bytes must be valid UTF-8. Empty when an escape is malformed or the bytes are not UTF-8.
     */
    public static Optional<String> decodeComponent(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    return Optional.empty();
                }
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The parameter {@code name} as absent, single or repeated. */
    public Param param(String name) {
        List<String> all = values.getOrDefault(name, List.of());
        return switch (all.size()) {
            case 0 -> new Absent();
            case 1 -> new Single(all.getFirst());
            default -> new Repeated(all.size());
        };
    }

    /**
     * The names among {@code names} that the body repeats, in the order of {@code names}: the one check of
     * RFC 6749 §3.1 (request and response parameters MUST NOT be included more than once) every parser uses.
     */
    public List<String> repeated(Collection<String> names) {
        return names.stream().filter(name -> values.getOrDefault(name, List.of()).size() > 1).toList();
    }

    /** Every non-empty value of {@code name}, in body order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** Names only: values may be secrets (client_secret, password). */
    @Override
    public String toString() {
        return "FormBody" + values.keySet();
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }
}
