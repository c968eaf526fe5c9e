package org.peel.web;

import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of a long list: which page (from 1), how many rows a page holds, how many rows the whole list has, and
 * the links to the other pages, keeping the list's filters. A page number past the end shows the last page.
 *
 * @param param the query parameter holding the page number (two lists on one page page apart)
 * @param base  the page's path and its other query parameters, ready for {@code &param=n}
 */
public record Paging(int page, int size, long total, String param, String base) {

    /** The page {@code ctx} asks for in {@code param} (1 when absent or not a number), of {@code size} rows. */
    public static Paging requested(Context ctx, String param, int size) {
        int page = 1;
        String text = ctx.queryParam(param);
        if (text != null) {
            try {
                page = Math.max(1, Integer.parseInt(text.strip()));
            } catch (NumberFormatException ignored) {
                // a mistyped page number shows the first page
            }
        }
        StringBuilder base = new StringBuilder(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals(param)) {
                continue;
            }
            for (String v : e.getValue()) {
                base.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        }
        return new Paging(page, size, -1, param, base.toString());
    }

    /** This page once the list's length is known, moved back to the last page when it asked past the end. */
    public Paging of(long total) {
        int last = (int) Math.max(1, (total + size - 1) / size);
        return new Paging(Math.min(page, last), size, total, param, base);
    }

    /** Rows to skip. */
    public int offset() {
        return (page - 1) * size;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** The first row shown, counting from 1 (0 when the list is empty). */
    public long first() {
        return total == 0 ? 0 : offset() + 1L;
    }

    /** The last row shown. */
    public long last() {
        return Math.min(total, (long) offset() + size);
    }

    /** Which rows are shown, as "51–100 of 1,234". */
    public String range() {
        return String.format(java.util.Locale.UK, "%,d–%,d of %,d", first(), last(), total);
    }

    /** The link to page {@code n}. */
    public String link(int n) {
        return base + param + "=" + n;
    }

    /** The page numbers to offer: the first, the last, and two either side of this one; 0 marks a gap. */
    public List<Integer> numbers() {
        List<Integer> out = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= pages(); n++) {
            if (n == 1 || n == pages() || Math.abs(n - page) <= 2) {
                if (previous != 0 && n - previous > 1) {
                    out.add(0);
                }
                out.add(n);
                previous = n;
            }
        }
        return out;
    }
}
