package org.peel.measure;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Which facts one count of an indicator adds up, as data: the source; the offence group's category patterns for that
 * source (SQL {@code LIKE} patterns); which outcomes count; the span ends; and the place. It is the one definition
 * of a count: {@link MeasureStore} renders it as SQL over {@code measure_fact}, and {@link #counts(Fact)} evaluates it
 * on one fact anywhere else (the national indicators on Spark), so the two never disagree.
 *
 * @param source        the fact source
 * @param patterns      the offence group's category patterns in that source; a fact counts when any matches
 * @param outcomes      which outcomes count
 * @param spanEnds      the first days of the months that end the spans counted
 * @param forces        for a force or a group of forces: their codes (counted from the force totals); else empty
 * @param areaColumn    below force level: the fact column holding the area's code ({@code borough_code} …); else null
 * @param areaCode      below force level: the area's code; else null
 */
public record FactFilter(String source, List<String> patterns, Outcomes outcomes, List<LocalDate> spanEnds,
                         List<String> forces, String areaColumn, String areaCode) implements Serializable {

    /** The columns a fact has, in {@code measure_fact}'s order. */
    public static final List<String> COLUMNS = List.of("source", "grain", "force_code", "borough_code", "ward_code",
            "lsoa_code", "span_to", "category", "outcome", "n");

    public FactFilter {
        patterns = List.copyOf(patterns);
        spanEnds = List.copyOf(spanEnds);
        forces = List.copyOf(forces);
        if (areaColumn != null && !forces.isEmpty()) {
            throw new IllegalArgumentException("a count is over forces or over one area, not both");
        }
        if (areaColumn != null && !List.of("borough_code", "ward_code", "lsoa_code").contains(areaColumn)) {
            throw new IllegalArgumentException("no area column " + areaColumn);
        }
    }

    /** Which outcomes a count takes. */
    public sealed interface Outcomes extends Serializable {

        /** Whether a fact with this outcome (null where the source gives none) is counted. */
        boolean take(String outcome);

        /** Every fact, whatever its outcome. */
        record Any() implements Outcomes {
            @Override
            public boolean take(String outcome) {
                return true;
            }
        }

        /** Facts with some outcome (not null, not empty): whether a source published outcomes at all. */
        record Present() implements Outcomes {
            @Override
            public boolean take(String outcome) {
                return outcome != null && !outcome.isEmpty();
            }
        }

        /** Facts whose outcome is one of these (never the empty one). */
        record In(Set<String> codes) implements Outcomes {
            public In {
                codes = Set.copyOf(codes);
            }

            @Override
            public boolean take(String outcome) {
                return outcome != null && !outcome.isEmpty() && codes.contains(outcome);
            }
        }
    }

    /** One row of {@code measure_fact}, as read from the database or an export. */
    public record Fact(String source, String grain, String forceCode, String boroughCode, String wardCode,
                       String lsoaCode, LocalDate spanTo, String category, String outcome, double n)
            implements Serializable {

        String column(String name) {
            return switch (name) {
                case "borough_code" -> boroughCode;
                case "ward_code" -> wardCode;
                case "lsoa_code" -> lsoaCode;
                default -> throw new IllegalArgumentException("no area column " + name);
            };
        }
    }

    /** True when the fact is one this count adds up, by the same rules as the SQL {@link MeasureStore} runs. */
    public boolean counts(Fact f) {
        if (!source.equals(f.source()) || f.spanTo() == null || !spanEnds.contains(f.spanTo())) {
            return false;
        }
        if (areaColumn == null) {
            if ("area".equals(f.grain()) || f.forceCode() == null || !forces.contains(f.forceCode())) {
                return false;
            }
        } else if ("force".equals(f.grain()) || !areaCode.equals(f.column(areaColumn))) {
            return false;
        }
        return takes(f.category(), f.outcome());
    }

    /**
     * True when a fact of this category and outcome, already within the count's source, spans and place, is one it
     * adds up: its outcome is taken and any pattern matches its category.
     */
    public boolean takes(String category, String outcome) {
        if (!outcomes.take(outcome) || category == null) {
            return false;
        }
        for (String p : patterns) {
            if (like(category, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's {@code text LIKE pattern}: {@code %} any run of characters, {@code _} any one, a backslash makes
     * the next character literal; case counts.
     */
    static boolean like(String text, String pattern) {
        return like(text, 0, pattern, 0);
    }

    private static boolean like(String t, int ti, String p, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                while (pi < p.length() && p.charAt(pi) == '%') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = ti; k <= t.length(); k++) {
                    if (like(t, k, p, pi)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length()) {
                return false;
            }
            if (c == '_') {
                ti++;
                pi++;
                continue;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                c = p.charAt(++pi);
            }
            if (t.charAt(ti) != c) {
                return false;
            }
            ti++;
            pi++;
        }
        return ti == t.length();
    }
}
