package dev.portcullis.adapters.redis;

import dev.portcullis.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hand-written value encoding: a version tag, then fields as netstrings ({@code <length>:<chars>}),
 * an absent optional as {@code !}, a list as its size followed by its elements. No escaping is
 * needed, so any string round-trips, and it is compact and readable in {@code redis-cli}.
 */
final class Doc {

    private Doc() {}

    static Writer write(String version) {
        return new Writer().put(version);
    }

    static Reader read(String encoded, String version) {
        Reader reader = new Reader(encoded);
        String found = reader.next();
        if (!found.equals(version)) {
            throw new CorruptValueException("expected a " + version + " value, found " + found);
        }
        return reader;
    }

    /** Exact to the nanosecond: epoch seconds, a dot, nine digits of nanoseconds; Lua compares the two parts as numbers. */
    static String instant(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }

    static Instant instant(String encoded) {
        int dot = encoded.indexOf('.');
        if (dot < 0) {
            throw new CorruptValueException("not an instant");
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(encoded.substring(0, dot)), Long.parseLong(encoded.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new CorruptValueException("not an instant");
        }
    }

    /** A value that decoded but does not make a valid domain object is as corrupt as one that did not decode. */
    static CorruptValueException corrupt(RuntimeException e) {
        if (e instanceof CorruptValueException c) {
            return c;
        }
        CorruptValueException c = new CorruptValueException(e.getClass().getSimpleName());
        c.initCause(e);
        return c;
    }

    static final class Writer {
        private final StringBuilder out = new StringBuilder(256);

        Writer put(String value) {
            out.append(value.length()).append(':').append(value);
            return this;
        }

        Writer put(Optional<String> value) {
            if (value.isPresent()) {
                return put(value.get());
            }
            out.append('!');
            return this;
        }

        Writer put(Instant value) {
            return put(instant(value));
        }

        Writer put(ScopeSet scopes) {
            return put(scopes.wire());
        }

        Writer put(List<String> values) {
            put(Integer.toString(values.size()));
            values.forEach(this::put);
            return this;
        }

        String encode() {
            return out.toString();
        }
    }

    static final class Reader {
        private final String in;
        private int pos;

        private Reader(String in) {
            this.in = in;
        }

        String next() {
            return nextOptional().orElseThrow(() -> new CorruptValueException("a required field is absent"));
        }

        Optional<String> nextOptional() {
            if (pos < in.length() && in.charAt(pos) == '!') {
                pos++;
                return Optional.empty();
            }
            int colon = in.indexOf(':', pos);
            if (colon < 0) {
                throw new CorruptValueException("truncated value");
            }
            int length;
            try {
                length = Integer.parseInt(in, pos, colon, 10);
            } catch (NumberFormatException e) {
                throw new CorruptValueException("bad field length");
            }
            int end = colon + 1 + length;
            if (length < 0 || end > in.length()) {
                throw new CorruptValueException("truncated value");
            }
            pos = end;
            return Optional.of(in.substring(colon + 1, end));
        }

        ScopeSet nextScopes() {
            return ScopeSet.parse(next()).orElseThrow(() -> new CorruptValueException("bad scope set"));
        }

        Instant nextInstant() {
            return instant(next());
        }

        List<String> nextList() {
            int size;
            try {
                size = Integer.parseInt(next());
            } catch (NumberFormatException e) {
                throw new CorruptValueException("bad list size");
            }
            List<String> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next());
            }
            return values;
        }

        void end() {
            if (pos != in.length()) {
                throw new CorruptValueException("trailing data");
            }
        }
    }

    /** A stored value this code cannot read: a bug or foreign data, not an outage. */
    static final class CorruptValueException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CorruptValueException(String message) {
            super("unreadable value in Redis: " + message);
        }
    }
}
