package org.peel.organisedcrime;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gangs matrix's composition against the population it is drawn from: for each group (an age band, a sex, an
 * ethnic group) the number on the matrix, its share of the matrix, the group's share of the population, and the ratio
 * of the two (1 is in proportion; 2 is twice the group's share of the population). Where the population is not held
 * for a dimension, the report says so rather than compare against nothing.
 */
public final class EqualityReport {

    /** Age bands as the GLA's LSOA atlas gives mid-year population. */
    public static final List<String> AGE_BANDS = List.of("0-15", "16-29", "30-44", "45-64", "65+");

    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959964;

    /**
     * One group: on the matrix, and in the population when held, with the ratio's 95% interval ({@code low},
     * {@code high}; null when there is no ratio or no one of the group is on the matrix).
     */
    public record Row(String group, long onMatrix, double matrixShare, Long population, Double populationShare,
                      Double ratio, Double low, Double high) {
    }

    /** One borough's comparison: who is on the matrix there against the borough's own population. */
    public record BoroughRows(String boroughCode, String boroughName, long onMatrix, List<Row> rows) {
        public BoroughRows {
            rows = List.copyOf(rows);
        }
    }

    /** A dimension of the report: its rows, and what is missing when the population is not held. */
    public record Dimension(String title, String populationSource, List<Row> rows, String missing) {
    }

    private EqualityReport() {
    }

    /**
     * Compares counts on the matrix with population counts, group by group (the matrix's groups first, in their
     * order, then any further groups of the population). A null or empty population gives rows with no population.
     * Shares are of the known groups only: "Not stated" and unknowns are counted on the matrix but not compared. The
     * ratio's 95% interval is by the log method, the count on the matrix taken as binomial out of the matrix's known
     * total and the population's share as fixed (a census count): SE of ln(ratio) = sqrt(1/a - 1/n).
     */
    public static List<Row> compare(Map<String, Long> matrix, Map<String, Long> population) {
        Set<String> groups = new LinkedHashSet<>(matrix.keySet());
        boolean held = population != null && !population.isEmpty();
        if (held) {
            groups.addAll(population.keySet());
        }
        long matrixTotal = 0;
        for (Map.Entry<String, Long> e : matrix.entrySet()) {
            if (!held || population.containsKey(e.getKey())) {
                matrixTotal += e.getValue();
            }
        }
        long populationTotal = held ? population.values().stream().mapToLong(Long::longValue).sum() : 0;
        List<Row> rows = new ArrayList<>();
        for (String g : groups) {
            long on = matrix.getOrDefault(g, 0L);
            boolean compared = held && population.containsKey(g);
            double share = matrixTotal == 0 || (held && !compared) ? 0 : (double) on / matrixTotal;
            if (!compared) {
                rows.add(new Row(g, on, share, null, null, null, null, null));
                continue;
            }
            long pop = population.get(g);
            double popShare = populationTotal == 0 ? 0 : (double) pop / populationTotal;
            Double ratio = popShare == 0 ? null : share / popShare;
            if (ratio == null || on == 0) {
                rows.add(new Row(g, on, share, pop, popShare, ratio, null, null));
                continue;
            }
            double se = Math.sqrt(Math.max(0, 1.0 / on - 1.0 / matrixTotal));
            rows.add(new Row(g, on, share, pop, popShare, ratio, ratio * Math.exp(-Z95 * se),
                    ratio * Math.exp(Z95 * se)));
        }
        return rows;
    }

    /**
     * Each borough with anyone on the matrix compared with its own population, in the order of {@code boroughNames};
     * a borough whose population is not held gives its make-up with nothing compared.
     *
     * @param matrix       counts on the matrix per group, by borough code
     * @param population   residents per group, by borough code (a borough may be missing)
     * @param boroughNames the force's boroughs, code to name, in the order to report them
     */
    public static List<BoroughRows> byBorough(Map<String, Map<String, Long>> matrix,
                                              Map<String, Map<String, Long>> population,
                                              Map<String, String> boroughNames) {
        List<BoroughRows> out = new ArrayList<>();
        for (Map.Entry<String, String> b : boroughNames.entrySet()) {
            Map<String, Long> on = matrix.get(b.getKey());
            long total = on == null ? 0 : on.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                continue;
            }
            out.add(new BoroughRows(b.getKey(), b.getValue(), total, compare(on, population.get(b.getKey()))));
        }
        return out;
    }

    /** The age band of someone born on the day, on the day given; null when the date of birth is not recorded. */
    public static String ageBand(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth == null) {
            return null;
        }
        int age = Period.between(dateOfBirth, on).getYears();
        if (age <= 15) {
            return "0-15";
        }
        if (age <= 29) {
            return "16-29";
        }
        if (age <= 44) {
            return "30-44";
        }
        return age <= 64 ? "45-64" : "65+";
    }

    /** Counts per group in the order given, with groups outside it (and "Not recorded") after. */
    static Map<String, Long> count(List<String> values, List<String> order) {
        Map<String, Long> out = new LinkedHashMap<>();
        order.forEach(o -> out.put(o, 0L));
        for (String v : values) {
            out.merge(v == null ? "Not recorded" : v, 1L, Long::sum);
        }
        return out;
    }
}
