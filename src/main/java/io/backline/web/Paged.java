package io.backline.web;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** One page of a list, with what the pager links need. */
public record Paged<T>(List<T> items, int pageIndex, int pageCount, long total) {
    public static final int PAGE_SIZE = 25;
    private static final int MAX_INDEX = 1_000_000;

    public static <T> Paged<T> of(PanacheQuery<T> query, int pageIndex) {
        PanacheQuery<T> page = query.page(Page.of(pageIndex, PAGE_SIZE));
        return new Paged<>(page.list(), pageIndex, page.pageCount(), page.count());
    }

    /** Page numbers come from links people can edit: anything odd means the first page. */
    public static int index(String page) {
        try {
            // Capped so that no page number, however large, overflows the offset it becomes.
            return Math.min(MAX_INDEX, Math.max(0, Integer.parseInt(page == null ? "1" : page.strip()) - 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** 1-based, as people count pages. */
    public int number() {
        return pageIndex + 1;
    }

    public int lastNumber() {
        return Math.max(1, pageCount);
    }

    public boolean hasPrevious() {
        return pageIndex > 0;
    }

    public boolean hasNext() {
        return pageIndex + 1 < pageCount;
    }
}
