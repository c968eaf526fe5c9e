package org.peel.inspection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The arithmetic of the evidence: rates, percentiles, spreads and meetings within cadence. Pure functions. */
public final class EvidenceRules {

    private EvidenceRules() {
    }

    /** {@code part ÷ whole × 100}, or null when the whole is nothing. */
    public static Double ratePct(long part, long whole) {
        return whole == 0 ? null : part * 100.0 / whole;
    }

    /** Highest less lowest, or null when there are fewer than two to compare. */
    public static Double rangePoints(List<Double> rates) {
        List<Double> held = rates.stream().filter(Objects::nonNull).toList();
        if (held.size() < 2) {
            return null;
        }
        return held.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - held.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /**
     * The {@code p}th percentile (0–1) with linear interpolation between the nearest ranks, as PostgreSQL's
     * {@code percentile_cont} computes it; null for no values.
     */
    public static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double rank = p * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (rank - below);
    }

    /**
     * How a governance group kept its cadence over a period: each meeting in the period counts as held within
     * cadence when it came no more than {@code cadenceDays} after the one before it (or after the group was set up,
     * for its first); the group is overdue at the end when more than {@code cadenceDays} have passed since it last met.
     *
     * @param meetings the days it met, any order, including before the period
     */
    public record Cadence(int held, int withinCadence, boolean overdueAtEnd) {
    }

    public static Cadence cadence(List<LocalDate> meetings, LocalDate setUp, int cadenceDays, LocalDate from,
                                  LocalDate toInclusive) {
        List<LocalDate> sorted = meetings.stream().filter(Objects::nonNull).distinct().sorted().toList();
        LocalDate before = setUp;
        int held = 0;
        int within = 0;
        LocalDate last = null;
        for (LocalDate met : sorted) {
            if (met.isAfter(toInclusive)) {
                break;
            }
            if (!met.isBefore(from)) {
                held++;
                if (ChronoUnit.DAYS.between(before, met) <= cadenceDays) {
                    within++;
                }
            }
            before = met;
            last = met;
        }
        LocalDate since = last != null ? last : setUp;
        boolean overdue = !since.isAfter(toInclusive) && ChronoUnit.DAYS.between(since, toInclusive) > cadenceDays;
        return new Cadence(held, within, overdue);
    }

    /** "84%", or "n/a". */
    public static String percent(Double pct) {
        return pct == null ? "n/a" : String.format(Locale.UK, "%.0f%%", pct);
    }

    /** "2.5 days", "1 day", "n/a". */
    public static String days(Double days) {
        if (days == null) {
            return "n/a";
        }
        String n = String.format(Locale.UK, "%.1f", days).replaceAll("\\.0$", "");
        return n + (n.equals("1") ? " day" : " days");
    }
}
