package org.peel.offenders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The force's one IOM cohort rule: a harm-weighted recency, frequency and gravity score over each offender's history,
 * and the cohort as the highest scores up to each borough's capacity.
 *
 * <p>Score = the sum, over the offender's offences on or before the date the rule is run for and within the lookback,
 * of gravity × recency, where gravity is the offence group's harm in days ({@link GravityWeights}) and recency is
 * ½^(days before / half-life). Frequency is in the sum: every offence adds. Nothing about the borough enters the
 * score, so one history scores the same in every borough. Scores are rounded to two decimals.
 *
 * <p>Selection: in each borough, offenders with a score above zero, highest first (ties by offender id), up to the
 * borough's capacity. The application's stored cohort and {@code peel iom cohort} both call this class.
 */
public final class CohortRule {

    /** Names the scoring method; the full {@link #version()} adds the weights' name, the half-life and the lookback. */
    public static final String METHOD = "iom-rfg-1";

    private final CohortSettings settings;

    public CohortRule(CohortSettings settings) {
        this.settings = settings;
    }

    public CohortSettings settings() {
        return settings;
    }

    /** The rule's version as stored with every cohort: method, gravity table, half-life and lookback. */
    public String version() {
        return METHOD + ";gravity=" + settings.gravity().name() + ";half-life=" + trim(settings.halfLifeDays())
                + "d;lookback=" + settings.lookbackDays() + "d";
    }

    /**
     * One offender's score from their offences (all of one offender), as of a date. The borough is the one on the
     * offender's most recent offence. An offence group the gravity table does not hold is refused, not scored as 0.
     */
    public OffenderScore score(List<Offence> history, LocalDate asOf) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("an offender's history holds at least one offence");
        }
        Offence latest = history.stream().max(Comparator.comparing(Offence::on)).orElseThrow();
        int counted = 0;
        Offence gravest = null;
        double gravestDays = -1;
        LocalDate mostRecent = null;
        for (Offence o : history) {
            double days = settings.gravity().of(o.offenceGroup()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown offence group '" + o.offenceGroup() + "'; the gravity table '"
                            + settings.gravity().name() + "' holds: " + settings.gravity().known()));
            long before = ChronoUnit.DAYS.between(o.on(), asOf);
            if (before < 0 || before > settings.lookbackDays()) {
                continue;
            }
            counted++;
            if (days > gravestDays) {
                gravestDays = days;
                gravest = o;
            }
            if (mostRecent == null || o.on().isAfter(mostRecent)) {
                mostRecent = o.on();
            }
        }
        double score = value(history, asOf);
        List<String> reasons = new ArrayList<>();
        if (counted == 0) {
            reasons.add("no offence in the " + settings.lookbackDays() + " days to " + asOf);
        } else {
            reasons.add(counted + (counted == 1 ? " offence" : " offences") + " in the " + settings.lookbackDays()
                    + " days to " + asOf + " (frequency)");
            reasons.add("most recent on " + mostRecent + ", " + ChronoUnit.DAYS.between(mostRecent, asOf)
                    + " days before; weight halves every " + trim(settings.halfLifeDays()) + " days (recency)");
            reasons.add("gravest: " + gravest.offenceGroup() + ", " + trim(gravestDays) + " days' harm (gravity)");
        }
        return new OffenderScore(latest.offenderId(), latest.boroughCode(), score, reasons);
    }

    /**
     * The score alone, without its reasons: the same sum as {@link #score}, for the many profiles a comparison group
     * is matched from.
     */
    public double value(List<Offence> history, LocalDate asOf) {
        double total = 0;
        for (Offence o : history) {
            long before = ChronoUnit.DAYS.between(o.on(), asOf);
            if (before < 0 || before > settings.lookbackDays()) {
                continue;
            }
            double days = settings.gravity().of(o.offenceGroup()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown offence group '" + o.offenceGroup() + "'; the gravity table '"
                            + settings.gravity().name() + "' holds: " + settings.gravity().known()));
            total += days * Math.pow(0.5, before / settings.halfLifeDays());
        }
        return Math.round(total * 100) / 100.0;
    }

    /** Every offender's score, in order of offender id, from offences of many offenders. */
    public List<OffenderScore> scoreAll(List<Offence> offences, LocalDate asOf) {
        Map<String, List<Offence>> byOffender = new TreeMap<>();
        for (Offence o : offences) {
            byOffender.computeIfAbsent(o.offenderId(), k -> new ArrayList<>()).add(o);
        }
        List<OffenderScore> out = new ArrayList<>(byOffender.size());
        byOffender.values().forEach(h -> out.add(score(h, asOf)));
        return out;
    }

    /** The order of the cohort: highest score first, ties by offender id. */
    public static final Comparator<OffenderScore> PRIORITY = Comparator.comparingDouble(OffenderScore::score)
            .reversed().thenComparing(OffenderScore::offenderId);

    /**
     * The cohort: in each borough, offenders scoring above zero, highest first, up to the borough's capacity.
     * Boroughs in code order, each in priority order.
     */
    public static List<OffenderScore> select(List<OffenderScore> scores, ToIntFunction<String> capacity) {
        Map<String, List<OffenderScore>> byBorough = new TreeMap<>();
        for (OffenderScore s : scores) {
            if (s.score() > 0) {
                byBorough.computeIfAbsent(s.boroughCode(), k -> new ArrayList<>()).add(s);
            }
        }
        List<OffenderScore> cohort = new ArrayList<>();
        byBorough.forEach((borough, list) -> {
            list.sort(PRIORITY);
            int n = Math.max(0, capacity.applyAsInt(borough));
            cohort.addAll(list.subList(0, Math.min(n, list.size())));
        });
        return cohort;
    }

    /** How many of the cohort each borough holds, boroughs in code order. */
    public static Map<String, Integer> sizes(List<OffenderScore> cohort) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        cohort.stream().map(OffenderScore::boroughCode).sorted()
                .forEach(b -> sizes.merge(b, 1, Integer::sum));
        return sizes;
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
