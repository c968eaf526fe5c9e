package org.peel.synthetic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The arguments that fully determine a synthetic force. Its key prefixes every record id, so generations
 * with different arguments never collide in one database, and the same arguments always give the same ids.
 * Settings other than the defaults are part of the key too.
 *
 * <p>{@code yearTo} is the last month of the published figures the force's volumes come from. The records' own dates
 * are the twelve months before {@link #end()}: by default the same year, or, when {@code endsBefore} is given (the
 * live demo gives today's date), the twelve months up to that day, so that a force built from the last published
 * volumes can be alive today.
 */
public record Generation(String forceName, double scale, long seed, YearMonth yearTo, SyntheticSettings settings,
                         LocalDate endsBefore, java.util.SortedSet<String> fullyStaffed, boolean rotaEverywhere) {

    public Generation {
        if (!(scale > 0) || scale > 10) {
            throw new IllegalArgumentException("scale must be above 0 and at most 10, not " + scale);
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        fullyStaffed = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(
                fullyStaffed == null ? java.util.Set.of() : fullyStaffed));
    }

    /** A generation dated as given, with no borough staffed beyond its share. */
    public Generation(String forceName, double scale, long seed, YearMonth yearTo, SyntheticSettings settings,
                      LocalDate endsBefore) {
        this(forceName, scale, seed, yearTo, settings, endsBefore, null, false);
    }

    /** A generation with the default settings. */
    public Generation(String forceName, double scale, long seed, YearMonth yearTo) {
        this(forceName, scale, seed, yearTo, SyntheticSettings.defaults());
    }

    /** A generation whose records fall in the published year {@code yearTo}. */
    public Generation(String forceName, double scale, long seed, YearMonth yearTo, SyntheticSettings settings) {
        this(forceName, scale, seed, yearTo, settings, null);
    }

    public Generation withSettings(SyntheticSettings other) {
        return new Generation(forceName, scale, seed, yearTo, other, endsBefore, fullyStaffed, rotaEverywhere);
    }

    /**
     * The same generation with these boroughs (by code) fully staffed: every investigative specialism at every PIP
     * level its teams have, at full establishment, on a duty rota, with a supervisor — so that the demo's local
     * accounts work in a borough where every allocation path can be seen.
     */
    public Generation staffing(java.util.Set<String> boroughCodes) {
        return new Generation(forceName, scale, seed, yearTo, settings, endsBefore, new java.util.TreeSet<>(boroughCodes),
                rotaEverywhere);
    }

    /**
     * The same generation with every other borough's teams on a duty rota too, with at least two investigators at
     * each PIP level a team has (one on earlies, one on lates, four days on and four off): a force where a crime
     * anywhere is owned at once, on duty, on the next shift, by a neighbouring borough or by a duty detective.
     */
    public Generation withRotaEverywhere() {
        return new Generation(forceName, scale, seed, yearTo, settings, endsBefore, fullyStaffed, true);
    }

    /** The same generation with its records in the twelve months before {@code day} (exclusive). */
    public Generation endingBefore(LocalDate day) {
        return new Generation(forceName, scale, seed, yearTo, settings, day, fullyStaffed, rotaEverywhere);
    }

    /** The first day after the generated records: {@code endsBefore}, or the month after {@code yearTo}. */
    public LocalDate end() {
        return endsBefore != null ? endsBefore : yearTo.plusMonths(1).atDay(1);
    }

    /** The first day of the generated records: a year before {@link #end()}. */
    public LocalDate start() {
        return end().minusYears(1);
    }

    /** Scale written with enough digits to tell generations apart, and the same on every machine. */
    public String scaleText() {
        return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
    }

    public String key() {
        String identity = forceName.toLowerCase(Locale.ROOT) + "|" + scaleText() + "|" + seed + "|" + yearTo
                + (settings.equals(SyntheticSettings.defaults()) ? "" : "|" + settings)
                + (endsBefore == null ? "" : "|ends " + endsBefore)
                + (fullyStaffed.isEmpty() ? "" : "|staffed " + String.join(",", fullyStaffed))
                + (rotaEverywhere ? "|rota everywhere" : "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "S" + HexFormat.of().formatHex(digest, 0, 4).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
