package dev.stackdraft.catalog;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An immutable set of names kept as a sorted array: small, iterates in natural (sorted) order, and answers
 * {@link #contains} by binary search.
 */
final class NameSet extends AbstractSet<String> {

    static final NameSet EMPTY = new NameSet(new String[0]);

    private final String[] sorted;

    private NameSet(String[] sorted) {
        this.sorted = sorted;
    }

    static NameSet copyOf(Collection<String> names) {
        if (names instanceof NameSet set) {
            return set;
        }
        if (names.isEmpty()) {
            return EMPTY;
        }
        String[] array = names.toArray(new String[0]);
        for (String name : array) {
            Objects.requireNonNull(name, "name");
        }
        return of(array);
    }

    /** Takes ownership of {@code array}; sorts and removes duplicates only when needed. */
    static NameSet of(String[] array) {
        if (array.length == 0) {
            return EMPTY;
        }
        boolean ordered = true;
        for (int i = 1; i < array.length && ordered; i++) {
            ordered = array[i - 1].compareTo(array[i]) < 0;
        }
        if (!ordered) {
            Arrays.sort(array);
            int n = 1;
            for (int i = 1; i < array.length; i++) {
                if (!array[i].equals(array[n - 1])) {
                    array[n++] = array[i];
                }
            }
            if (n < array.length) {
                array = Arrays.copyOf(array, n);
            }
        }
        return new NameSet(array);
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String s && Arrays.binarySearch(sorted, s) >= 0;
    }

    @Override
    public int size() {
        return sorted.length;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < sorted.length;
            }

            @Override
            public String next() {
                if (next >= sorted.length) {
                    throw new NoSuchElementException();
                }
                return sorted[next++];
            }
        };
    }
}
