package dev.portcullis.domain.testing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where one case of a property gets its inputs. Every value is built from three primitives (an int in a range, any
 * int, any char), so the same property runs on a seeded pseudo-random source in every build ({@link #seeded}) and on
 * Jazzer's coverage-guided input when fuzzing ({@link #fuzzed}). Each top-level draw is noted, so a failing case can
 * say what it was given.
 */
public abstract class Gen {

    private final List<String> drawn = new ArrayList<>();
    private int depth;

    /** A source that favours the values where grammars draw their lines: range ends, ASCII, the edges of classes. */
    public static Gen seeded(SplittableRandom random) {
        return new Seeded(random);
    }

    /** A source that reads every value from the fuzzer's input. */
    public static Gen fuzzed(FuzzedDataProvider data) {
        return new Fuzzed(data);
    }

    abstract int nextInt(int min, int max);

    abstract int nextAnyInt();

    abstract char nextChar();

    /** An int from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        return noted(() -> nextInt(min, max));
    }

    /** Any int at all. */
    public int anyInt() {
        return noted(this::nextAnyInt);
    }

    public boolean bool() {
        return noted(() -> nextInt(0, 1) == 1);
    }

    /** Any UTF-16 code unit, lone surrogates included. */
    public char anyChar() {
        return noted(this::nextChar);
    }

    public char charIn(Chars chars) {
        return noted(() -> chars.get(nextInt(0, chars.size() - 1)));
    }

    /** A string of {@code minLength} to {@code maxLength} characters, each one drawn from {@code chars}. */
    public String string(Chars chars, int minLength, int maxLength) {
        return noted(() -> {
            int length = nextInt(minLength, maxLength);
            StringBuilder value = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                value.append(chars.get(nextInt(0, chars.size() - 1)));
            }
            return value.toString();
        });
    }

    /** Any string of up to {@code maxLength} code units: lone surrogates and supplementary code points included. */
    public String anyString(int maxLength) {
        return noted(() -> {
            int length = nextInt(0, maxLength);
            StringBuilder value = new StringBuilder(length);
            while (value.length() < length) {
                if (length - value.length() >= 2 && nextInt(0, 9) == 0) {
                    value.appendCodePoint(nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT));
                } else {
                    value.append(nextChar());
                }
            }
            return value.toString();
        });
    }

    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return oneOf(List.of(values));
    }

    public <T> T oneOf(List<T> values) {
        return noted(() -> values.get(nextInt(0, values.size() - 1)));
    }

    /** Up to {@code maxSize} distinct values of {@code element} (fewer when it keeps repeating itself). */
    public <T> Set<T> set(int maxSize, Function<Gen, T> element) {
        return noted(() -> {
            int size = nextInt(0, maxSize);
            Set<T> values = new LinkedHashSet<>();
            for (int attempt = 0; values.size() < size && attempt < size * 10; attempt++) {
                values.add(element.apply(this));
            }
            return values;
        });
    }

    /** A value of a generator written as a method, noted as one value. */
    public <T> T draw(Function<Gen, T> generator) {
        return noted(() -> generator.apply(this));
    }

    /** What this case has drawn so far, readable (strings and characters escaped). */
    public List<String> drawn() {
        return List.copyOf(drawn);
    }

    private <T> T noted(Supplier<T> draw) {
        depth++;
        T value;
        try {
            value = draw.get();
        } finally {
            depth--;
        }
        if (depth == 0) {
            drawn.add(describe(value));
        }
        return value;
    }

    static String describe(Object value) {
        return switch (value) {
            case String s -> '"' + escaped(s) + '"';
            case Character c -> "'" + escaped(String.valueOf(c)) + "'";
            case Collection<?> values -> values.stream().map(Gen::describe).toList().toString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case null -> "null";
            default -> value.getClass().getSimpleName() + "[" + escaped(value.toString()) + "]";
        };
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static final class Seeded extends Gen {

        /** Where the character classes of the RFCs (and JSON, and UTF-16) begin and end. */
        private static final char[] EDGES = {
            0x00, 0x09, 0x0A, 0x0D, 0x1F, ' ', '!', '"', '=', '\\', '~', 0x7F, 0x80, 0x9F, 0xA0, 0xFF,
            0x2028, 0x2029, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFEFF, 0xFFFD, 0xFFFF,
        };
        private static final int[] INT_EDGES = {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE};

        private final SplittableRandom random;

        Seeded(SplittableRandom random) {
            this.random = random;
        }

        @Override
        int nextInt(int min, int max) {
            // a range's ends are where off-by-one mistakes live: one draw in eight takes one of them
            return switch (random.nextInt(16)) {
                case 0 -> min;
                case 1 -> max;
                default -> (int) random.nextLong(min, (long) max + 1);
            };
        }

        @Override
        int nextAnyInt() {
            return random.nextInt(4) == 0 ? INT_EDGES[random.nextInt(INT_EDGES.length)] : random.nextInt();
        }

        @Override
        char nextChar() {
            int pick = random.nextInt(10);
            if (pick < 4) {
                return (char) random.nextInt(0x80);
            }
            if (pick < 5) {
                return EDGES[random.nextInt(EDGES.length)];
            }
            if (pick < 7) {
                return (char) random.nextInt(0x80, 0x800);
            }
            return (char) random.nextInt(0x10000);
        }
    }

    private static final class Fuzzed extends Gen {

        private final FuzzedDataProvider data;

        Fuzzed(FuzzedDataProvider data) {
            this.data = data;
        }

        @Override
        int nextInt(int min, int max) {
            return data.consumeInt(min, max);
        }

        @Override
        int nextAnyInt() {
            return data.consumeInt();
        }

        @Override
        char nextChar() {
            return data.consumeChar();
        }
    }
}
