package dev.portcullis.domain.testing;

import java.util.ArrayList;
import java.util.List;

/** A set of characters, as ranges, that {@link Gen} draws from uniformly. */
public final class Chars {

    private final List<char[]> ranges;
    private final int size;

    private Chars(List<char[]> ranges) {
        this.ranges = List.copyOf(ranges);
        this.size = ranges.stream().mapToInt(r -> r[1] - r[0] + 1).sum();
    }

    /** Every character from {@code first} to {@code last}, both included. */
    public static Chars range(char first, char last) {
        if (last < first) {
            throw new IllegalArgumentException("empty range");
        }
        return new Chars(List.of(new char[] {first, last}));
    }

    /** Exactly the characters of {@code chars}. */
    public static Chars of(String chars) {
        List<char[]> ranges = new ArrayList<>();
        for (char c : chars.toCharArray()) {
            ranges.add(new char[] {c, c});
        }
        return new Chars(ranges);
    }

    public Chars and(Chars other) {
        List<char[]> both = new ArrayList<>(ranges);
        both.addAll(other.ranges);
        return new Chars(both);
    }

    public Chars and(char first, char last) {
        return and(range(first, last));
    }

    int size() {
        return size;
    }

    /** The {@code index}th character, counting through the ranges in order (a duplicate counts twice). */
    char get(int index) {
        int rest = index;
        for (char[] range : ranges) {
            int length = range[1] - range[0] + 1;
            if (rest < length) {
                return (char) (range[0] + rest);
            }
            rest -= length;
        }
        throw new IndexOutOfBoundsException(index);
    }
}
