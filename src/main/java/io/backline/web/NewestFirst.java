package io.backline.web;

import java.util.List;

/**
 * One page of a client's list, newest first, with what its "newer" and "older" links need ({@code tags/newerOlder}).
 * The list is read one row longer than a page, which tells whether an older page follows without counting them all.
 */
public record NewestFirst<T>(List<T> items, int number, boolean hasNext) {

    /** {@code oneMore}: up to {@code size + 1} rows from the page at {@code index} (0 for the first). */
    public static <T> NewestFirst<T> of(List<T> oneMore, int index, int size) {
        boolean hasNext = oneMore.size() > size;
        return new NewestFirst<>(hasNext ? oneMore.subList(0, size) : oneMore, index + 1, hasNext);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public String previous() {
        return String.valueOf(number - 1);
    }

    public String next() {
        return String.valueOf(number + 1);
    }
}
