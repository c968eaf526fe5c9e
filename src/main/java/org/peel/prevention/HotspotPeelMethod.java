package org.peel.prevention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Peel's hotspot method: a blend of three surfaces, each scaled to sum to one over the study area,
 * <pre>
 *   score = (1 − a − b) · long-term + a · recent + b · context
 * </pre>
 * where long-term is the crime type's density over every training month, recent its density over the last months,
 * and context the density of all police.uk categories over every training month (where people and property are, which
 * orders the many cells a sparse crime type has never touched). All three share one bandwidth; bandwidth 0 means the
 * plain count in the cell.
 *
 * <p>Crime types differ (anti-social behaviour sits in town centres; burglary drifts between streets), so the
 * bandwidth and weights are not fixed: they are chosen by rolling-origin validation inside the training window
 * ({@link HotspotValidation}, the same procedure the kde and sepp rivals use). Each of the last few training months
 * is forecast from the months before it, and candidates are ranked by their mean hit rate at the area share being
 * judged (the first listed first on a tie). The forecast is the mean of the best few blends, each summing to one over
 * the area: with a few hundred incidents a month, the single best candidate on three months is partly luck. The
 * month being forecast is never among them: the method only ever receives the training months.
 *
 * @param bandwidths       candidate bandwidths, metres (0 = cell counts)
 * @param recentWeights    candidate a
 * @param contextWeights   candidate b
 * @param recentMonths     months counted as recent
 * @param validationMonths how many of the last training months to validate on
 * @param averaged         how many of the best candidates on validation are averaged into the forecast
 */
public record HotspotPeelMethod(List<Double> bandwidths, List<Double> recentWeights, List<Double> contextWeights,
                                int recentMonths, int validationMonths, int averaged) implements HotspotMethod {

    public HotspotPeelMethod {
        bandwidths = List.copyOf(bandwidths);
        recentWeights = List.copyOf(recentWeights);
        contextWeights = List.copyOf(contextWeights);
        if (bandwidths.isEmpty() || recentWeights.isEmpty() || contextWeights.isEmpty() || recentMonths < 1
                || validationMonths < 1 || averaged < 1) {
            throw new IllegalArgumentException("peel needs candidates, recent months and validation months");
        }
    }

    /** The settings used on the command line and the map page. */
    public static HotspotPeelMethod standard() {
        return new HotspotPeelMethod(List.of(0.0, 50.0, 100.0, 150.0, 200.0, 300.0, 400.0, 600.0, 800.0),
                List.of(0.0, 0.25, 0.5), List.of(0.0, 0.02, 0.15, 0.3), 2, HotspotValidation.VALIDATION_MONTHS, 5);
    }

    /** One blend's settings. */
    public record Choice(double bandwidth, double recent, double context) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "bandwidth %.0f m, recent %.2f, all-crime %.2f", bandwidth, recent,
                    context);
        }
    }

    @Override
    public String name() {
        return "peel";
    }

    @Override
    public HotspotForecast forecast(HotspotHistory history) {
        List<Choice> candidates = candidates();
        HotspotValidation.Choice chosen = HotspotValidation.choose(history, validationMonths, candidates.size(),
                before -> {
                    List<double[]> all = new ArrayList<>(candidates.size());
                    Surfaces s = null;
                    for (Choice c : candidates) {
                        if (s == null || s.bandwidth() != c.bandwidth()) {
                            s = surfaces(before, c.bandwidth());
                        }
                        all.add(s.blend(c, before.areaCells()));
                    }
                    return all;
                });
        if (chosen.index() < 0) {
            Choice middle = new Choice(bandwidths.get(bandwidths.size() / 2), recentWeights.get(0),
                    contextWeights.get(contextWeights.size() / 2));
            return new HotspotForecast(surfaces(history, middle.bandwidth()).blend(middle, history.areaCells()),
                    middle + "; " + chosen.how() + "; middle settings");
        }
        // the mean of the best few blends: with a few hundred incidents a month, the single best candidate on three
        // validation months is partly luck, and averaging the leaders steadies the map
        int[] ranked = chosen.ranked();
        int use = Math.min(averaged, ranked.length);
        int[] area = history.areaCells();
        double[] scores = new double[history.grid().cellCount()];
        Surfaces s = null;
        List<Choice> used = new ArrayList<>();
        for (int r = 0; r < use; r++) {
            Choice c = candidates.get(ranked[r]);
            used.add(c);
            if (s == null || s.bandwidth() != c.bandwidth()) {
                s = surfaces(history, c.bandwidth());
            }
            double[] one = s.blend(c, area);
            for (int cell : area) {
                scores[cell] += one[cell] / use;
            }
        }
        String what = use == 1 ? used.get(0).toString() : "mean of the best " + use + " on validation, first "
                + used.get(0);
        return new HotspotForecast(scores, what + "; " + chosen.how());
    }

    /** Every candidate blend, in the order ties are settled. */
    List<Choice> candidates() {
        List<Choice> all = new ArrayList<>();
        for (double h : bandwidths) {
            for (double a : recentWeights) {
                for (double b : contextWeights) {
                    if (a + b <= 1) {
                        all.add(new Choice(h, a, b));
                    }
                }
            }
        }
        return all;
    }

    private Surfaces surfaces(HotspotHistory history, double bandwidth) {
        int n = history.months().size();
        double[] every = new double[n];
        Arrays.fill(every, 1);
        double[] recent = new double[n];
        for (int t = 0; t < Math.min(recentMonths, n); t++) {
            recent[n - 1 - t] = 1;
        }
        return new Surfaces(bandwidth,
                HotspotKernel.gaussian(history, history.pointWeights(false, every), bandwidth),
                HotspotKernel.gaussian(history, history.pointWeights(false, recent), bandwidth),
                HotspotKernel.gaussian(history, history.pointWeights(true, every), bandwidth));
    }

    private record Surfaces(double bandwidth, double[] longTerm, double[] recent, double[] context) {
        double[] blend(Choice c, int[] area) {
            double l = sum(longTerm, area);
            double r = sum(recent, area);
            double x = sum(context, area);
            double[] scores = new double[longTerm.length];
            for (int cell : area) {
                scores[cell] = (1 - c.recent() - c.context()) * share(longTerm[cell], l)
                        + c.recent() * share(recent[cell], r) + c.context() * share(context[cell], x);
            }
            return scores;
        }

        private static double sum(double[] surface, int[] area) {
            double s = 0;
            for (int cell : area) {
                s += surface[cell];
            }
            return s;
        }

        private static double share(double v, double total) {
            return total == 0 ? 0 : v / total;
        }
    }
}
