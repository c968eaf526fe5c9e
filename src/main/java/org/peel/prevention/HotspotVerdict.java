package org.peel.prevention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often and by how much Peel's hotspot map beat each rival, in plain words, from a rolling evaluation: the
 * sentences the map page shows. Nothing here is fixed in advance; every figure comes from the report.
 *
 * @param headline one or two sentences: did Peel's map do best on average, and by how much over the best rival
 * @param rivals   one sentence per rival: months won, mean lead in percentage points and its 95% interval
 */
public record HotspotVerdict(String headline, List<String> rivals) {

    /** Each method in plain words, for people who do not use the analysts' names. */
    public static final Map<String, String> PLAIN_NAMES = Map.of(
            "last-period", "last month's map",
            "kde", "a smoothed map of all past incidents",
            "prospective", "a map of recent and nearby incidents",
            "sepp", "a self-exciting model of the kind sold to forces",
            "peel", "Peel's map");

    /** The plain name of a method, or its own name when it has none. */
    public static String plain(String method) {
        return PLAIN_NAMES.getOrDefault(method, method);
    }

    /** The verdict of a report that evaluated Peel's method beside at least one rival. */
    public static HotspotVerdict of(HotspotEvaluation.Report report) {
        HotspotEvaluation.Summary peel = report.summary(HotspotEvaluation.PEEL).orElseThrow(
                () -> new IllegalArgumentException("the report has no figures for peel"));
        List<HotspotEvaluation.Summary> rivals = report.summaries().stream()
                .filter(s -> s.peelMinusThis() != null).toList();
        if (rivals.isEmpty()) {
            throw new IllegalArgumentException("the report has no rival to compare peel with");
        }
        HotspotEvaluation.Summary best = rivals.get(0);
        for (HotspotEvaluation.Summary s : rivals) {
            if (s.hitRate() > best.hitRate()) {
                best = s;
            }
        }
        int n = report.origins().size();
        String span = n == 1 ? "In " + report.lastTestMonth()
                : "Over the " + n + " months " + report.origins().get(0).testMonth() + " to " + report.lastTestMonth();
        String headline = String.format(Locale.ROOT, "%s, each forecast only from the months before it, Peel's map"
                        + " caught on average %s of the month's %s in the 5%% of the area it flagged", span,
                percent(peel.hitRate()), report.crimeType().toLowerCase(Locale.ROOT));
        HotspotEvaluation.Comparison vsBest = best.peelMinusThis();
        if (peel.hitRate() > best.hitRate()) {
            headline += String.format(Locale.ROOT, "; the best rival, %s, caught %s. Peel's map did better than"
                            + " every rival on average, and better than %s in %d of %d months.", plain(best.method()),
                    percent(best.hitRate()), plain(best.method()), vsBest.wins(), vsBest.origins());
        } else {
            headline += String.format(Locale.ROOT, ". Here Peel's map did not do best on average: %s caught %s.",
                    plain(best.method()), percent(best.hitRate()));
        }
        List<String> lines = new ArrayList<>();
        for (HotspotEvaluation.Summary s : rivals) {
            HotspotEvaluation.Comparison c = s.peelMinusThis();
            double lead = c.hitRate().mean() * 100;
            String interval = Double.isNaN(c.hitRate().low()) ? ""
                    : String.format(Locale.ROOT, " (95%% interval %+.1f to %+.1f)", c.hitRate().low() * 100,
                    c.hitRate().high() * 100);
            lines.add(String.format(Locale.ROOT, "Against %s: Peel's map caught more in %d of %d months, %s %.1f"
                            + " percentage points on average%s.", plain(s.method()), c.wins(), c.origins(),
                    lead >= 0 ? "ahead by" : "behind by", Math.abs(lead), interval));
        }
        return new HotspotVerdict(headline, List.copyOf(lines));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
