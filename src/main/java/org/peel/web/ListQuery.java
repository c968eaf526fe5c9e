package org.peel.web;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What one page of a long list asks for, read from its query string: the page ({@code page}), the order
 * ({@code sort}, one of the list's own, the first being its default: the most pressing first) and the list's own
 * filters. The list's store counts and fetches the page in SQL; {@link #fetch} puts the two together. The
 * {@code web/filters.jte} template draws the filters as a GET form and {@code web/paging.jte} the links between
 * pages, which keep the filters.
 *
 * @param paging  the page asked for (its total unknown until {@link #fetch})
 * @param sort    the order chosen, one of the list's orders ("" when the list has one order only)
 * @param filters each filter's value as typed, stripped ("" when not given)
 * @param kept    the page's other query parameters (a stated purpose, a fixed borough), kept by the filter form
 */
public record ListQuery(Paging paging, String sort, Map<String, String> filters, Map<String, String> kept) {

    /** The parameter holding the page number. */
    public static final String PAGE = "page";
    /** The parameter holding the order. */
    public static final String SORT = "sort";

    /** One filter of a list's form. */
    public record Field(String name, String label, Kind kind, Map<String, String> options) {

        /** How a filter is typed: free text, a date or a choice of {@code options} (value to words). */
        public enum Kind { TEXT, DATE, SELECT }

        public static Field text(String name, String label) {
            return new Field(name, label, Kind.TEXT, Map.of());
        }

        public static Field date(String name, String label) {
            return new Field(name, label, Kind.DATE, Map.of());
        }

        /** A choice; the first option is usually "" for no filter ("Any"). */
        public static Field select(String name, String label, Map<String, String> options) {
            return new Field(name, label, Kind.SELECT, options);
        }
    }

    /** One page of a list's rows and where it sits in the whole list. */
    public record Shown<T>(List<T> rows, Paging paging) {
    }

    /** The rows of one window of a list, from {@code offset}, at most {@code limit}. */
    @FunctionalInterface
    public interface Window<T> {
        List<T> rows(int offset, int limit);
    }

    /**
     * The list page {@code ctx} asks for, {@code size} rows a page, with the list's filters and orders; an order not
     * among {@code sorts} gives the first.
     */
    public static ListQuery of(Context ctx, int size, List<String> filterNames, List<String> sorts) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : filterNames) {
            String v = ctx.queryParam(f);
            filters.put(f, v == null ? "" : v.strip());
        }
        String asked = ctx.queryParam(SORT);
        String sort = sorts.isEmpty() ? "" : asked != null && sorts.contains(asked) ? asked : sorts.get(0);
        Map<String, String> kept = new LinkedHashMap<>();
        Set<String> own = Set.copyOf(filterNames);
        ctx.queryParamMap().forEach((k, v) -> {
            if (!own.contains(k) && !k.equals(SORT) && !k.equals(PAGE) && !v.isEmpty()) {
                kept.put(k, v.get(0));
            }
        });
        return new ListQuery(Paging.requested(ctx, PAGE, size), sort, filters, kept);
    }

    /** Choices in the order given, as value, words, value, words... */
    public static Map<String, String> options(String... valueThenWords) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < valueThenWords.length; i += 2) {
            out.put(valueThenWords[i], valueThenWords[i + 1]);
        }
        return out;
    }

    /** A filter's value, "" when not given. */
    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    /** A filter's value, null when not given (for SQL's "null means any"). */
    public String filterOrNull(String name) {
        String v = filter(name);
        return v.isEmpty() ? null : v;
    }

    /** A filter's value when it is one of {@code allowed}, else null: a hand-made link cannot ask for nonsense. */
    public String choice(String name, java.util.Collection<String> allowed) {
        String v = filter(name);
        return allowed.contains(v) ? v : null;
    }

    /** A date filter, null when not given or not a date (YYYY-MM-DD, as the browser's date input sends it). */
    public LocalDate date(String name) {
        String v = filter(name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** The list at {@code action} without its filters, keeping the page's other parameters (a stated purpose). */
    public String clearLink(String action) {
        StringBuilder b = new StringBuilder(action);
        char sep = '?';
        for (Map.Entry<String, String> k : kept.entrySet()) {
            b.append(sep).append(java.net.URLEncoder.encode(k.getKey(), java.nio.charset.StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(k.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    /** Whether any filter narrows the list. */
    public boolean filtered() {
        return filters.values().stream().anyMatch(v -> !v.isEmpty());
    }

    /**
     * Counts the list, settles the page (a page past the end shows the last) and fetches its rows: the count and the
     * window are the store's SQL, so only one page of rows is ever read.
     */
    public <T> Shown<T> fetch(LongSupplier count, Window<T> window) {
        Paging settled = paging.of(count.getAsLong());
        return new Shown<>(settled.total() == 0 ? List.of() : window.rows(settled.offset(), settled.size()), settled);
    }
}
