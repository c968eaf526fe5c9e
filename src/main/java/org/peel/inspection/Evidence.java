package org.peel.inspection;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Evidence gathered from Peel's records for one sub-question of the framework, over the inspection's 12 months: a
 * compliance rate, a delay, the spread of a rate across boroughs, or a count. Each says its figure and what it was
 * made of in words; the arithmetic is in {@link EvidenceRules}.
 */
public sealed interface Evidence {

    /** The sub-question it evidences (q2.2 …). */
    String subQuestion();

    String title();

    /** The headline figure, as shown ("84%", "2.5 days", "18 points"), or "n/a" when nothing was counted. */
    String figure();

    /** What the figure was made of, in words. */
    String detail();

    /** Met over owed against a standard: Victims' Code deadlines, DA supervision within 24 hours … */
    record Compliance(String subQuestion, String title, String standard, long met, long owed) implements Evidence {
        public Double ratePct() {
            return EvidenceRules.ratePct(met, owed);
        }

        @Override
        public String figure() {
            return EvidenceRules.percent(ratePct());
        }

        @Override
        public String detail() {
            return owed == 0 ? "None owed in the period (" + standard + ")."
                    : String.format(Locale.UK, "%,d of %,d %s.", met, owed, standard);
        }
    }

    /**
     * How long something waited, in days: the median and the 90th percentile of those that were done, how many met
     * the target (when there is one) and how many were still waiting at the period's end.
     */
    record Delay(String subQuestion, String title, String what, long done, Double medianDays, Double p90Days,
                 Long withinTarget, long stillWaiting) implements Evidence {
        @Override
        public String figure() {
            return medianDays == null ? "n/a" : EvidenceRules.days(medianDays);
        }

        @Override
        public String detail() {
            if (done == 0) {
                return "None " + what + " in the period" + (stillWaiting > 0
                        ? String.format(Locale.UK, "; %,d still waiting.", stillWaiting) : ".");
            }
            StringBuilder s = new StringBuilder(String.format(Locale.UK, "Median of %,d %s; 90%% within %s",
                    done, what, EvidenceRules.days(p90Days)));
            if (withinTarget != null) {
                s.append(String.format(Locale.UK, "; %,d (%s) within their target", withinTarget,
                        EvidenceRules.percent(EvidenceRules.ratePct(withinTarget, done))));
            }
            s.append(String.format(Locale.UK, "; %,d still waiting at the period's end.", stillWaiting));
            return s.toString();
        }
    }

    /** One borough's part of a spread: {@code of} counted, {@code count} of them with the quality measured. */
    record BoroughRate(String borough, long count, long of) {
        public Double ratePct() {
            return EvidenceRules.ratePct(count, of);
        }
    }

    /**
     * The same rate in each borough, and how far apart the boroughs are (highest less lowest, in percentage points):
     * consistency across the force.
     */
    record Spread(String subQuestion, String title, String rateOf, List<BoroughRate> boroughs) implements Evidence {
        public Spread {
            boroughs = boroughs.stream().filter(b -> b.of() > 0)
                    .sorted(Comparator.comparing(BoroughRate::ratePct).thenComparing(BoroughRate::borough)).toList();
        }

        public Double rangePoints() {
            return EvidenceRules.rangePoints(boroughs.stream().map(BoroughRate::ratePct).toList());
        }

        @Override
        public String figure() {
            Double r = rangePoints();
            return r == null ? "n/a" : String.format(Locale.UK, "%.0f points", r);
        }

        @Override
        public String detail() {
            if (boroughs.isEmpty()) {
                return "Nothing counted in any borough in the period.";
            }
            BoroughRate low = boroughs.get(0);
            BoroughRate high = boroughs.get(boroughs.size() - 1);
            return String.format(Locale.UK, "%s across %d boroughs: from %s in %s (%,d of %,d) to %s in %s (%,d of %,d).",
                    rateOf, boroughs.size(), EvidenceRules.percent(low.ratePct()), low.borough(), low.count(), low.of(),
                    EvidenceRules.percent(high.ratePct()), high.borough(), high.count(), high.of());
        }
    }

    /** A plain count with its words. */
    record Tally(String subQuestion, String title, long count, String said) implements Evidence {
        @Override
        public String figure() {
            return String.format(Locale.UK, "%,d", count);
        }

        @Override
        public String detail() {
            return said;
        }
    }
}
