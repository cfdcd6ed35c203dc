package dev.portcullis.domain.scope;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An immutable set of scopes. Sorted, so that its wire form is stable for caches and tests.
 * The empty set means "none": a request that names no scope.
 */
public record ScopeSet(SortedSet<Scope> scopes) {

    private static final ScopeSet EMPTY = new ScopeSet(new TreeSet<>());

    public ScopeSet {
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    }

    public static ScopeSet empty() {
        return EMPTY;
    }

    public static ScopeSet of(String... values) {
        return new ScopeSet(Arrays.stream(values).map(Scope::new).collect(Collectors.toCollection(TreeSet::new)));
    }

    public static ScopeSet of(Collection<Scope> scopes) {
        return new ScopeSet(new TreeSet<>(scopes));
    }

    /**
     * Parses the space-delimited wire form strictly: single spaces between valid tokens, none
     * leading or trailing. The empty string is the empty set.
     */
    public static Optional<ScopeSet> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        if (wire.isEmpty()) {
            return Optional.of(EMPTY);
        }
        SortedSet<Scope> parsed = new TreeSet<>();
        for (String token : wire.split(" ", -1)) {
            if (!Scope.isValid(token)) {
                return Optional.empty();
            }
            parsed.add(new Scope(token));
        }
        return Optional.of(new ScopeSet(parsed));
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    public boolean contains(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean containsAll(ScopeSet other) {
        return scopes.containsAll(other.scopes);
    }

    public ScopeSet union(ScopeSet other) {
        TreeSet<Scope> all = new TreeSet<>(scopes);
        all.addAll(other.scopes);
        return new ScopeSet(all);
    }

    public ScopeSet intersect(ScopeSet other) {
        TreeSet<Scope> common = new TreeSet<>(scopes);
        common.retainAll(other.scopes);
        return new ScopeSet(common);
    }

    /** The space-delimited wire form (RFC 6749 §3.3). */
    public String wire() {
        StringBuilder wire = new StringBuilder();
        for (Scope scope : scopes) {
            if (!wire.isEmpty()) {
                wire.append(' ');
            }
            wire.append(scope.value());
        }
        return wire.toString();
    }

    @Override
    public String toString() {
        return wire();
    }
}
