package org.peel.prevention;

import java.util.List;
import java.util.Locale;

/**
 * A way of forecasting next month's hotspots: training incidents in, a score per cell out. Pure: the same history
 * always gives the same scores, and a method sees nothing but the {@link HotspotHistory} it is given.
 */
public sealed interface HotspotMethod permits HotspotMethod.LastPeriod, HotspotMethod.Kde,
        HotspotMethod.Prospective, HotspotPeelMethod, HotspotSeppMethod {

    /** The name used on the command line and in reports. */
    String name();

    HotspotForecast forecast(HotspotHistory history);

    /** The four rivals and Peel's method, with their default settings; rivals tune themselves as Peel does. */
    static List<HotspotMethod> all() {
        return List.of(new LastPeriod(), Kde.tuned(), new Prospective(400, 100, 2), HotspotSeppMethod.standard(),
                HotspotPeelMethod.standard());
    }

    /** The names, in the order of {@link #all()}. */
    static List<String> names() {
        return all().stream().map(HotspotMethod::name).toList();
    }

    /**
     * The naive baseline: last month's count in each cell. Cells with the same count are ordered by their count over
     * the whole training window (the longer history), so that the cells flagged beyond last month's few are the
     * ones with most past crime of the type, not the ones nearest the grid's south-west corner.
     */
    record LastPeriod() implements HotspotMethod {
        @Override
        public String name() {
            return "last-period";
        }

        @Override
        public HotspotForecast forecast(HotspotHistory history) {
            double[] weights = new double[history.months().size()];
            if (weights.length > 0) {
                weights[weights.length - 1] = 1;
            }
            String last = weights.length > 0 ? history.months().get(weights.length - 1).toString() : "none";
            double[] scores = HotspotKernel.cellSums(history, history.pointWeights(false, weights));
            double[] every = new double[weights.length];
            java.util.Arrays.fill(every, 1);
            double[] longer = HotspotKernel.cellSums(history, history.pointWeights(false, every));
            double most = java.util.Arrays.stream(longer).max().orElse(0);
            for (int c = 0; c < scores.length; c++) {
                // below one whole incident, so it orders cells only among those with the same last-month count
                scores[c] += longer[c] / (most + 1);
            }
            return new HotspotForecast(scores, "counts in " + last + ", ties broken by counts in "
                    + (weights.length > 0 ? history.months().get(0) + " to " + last : "none"));
        }
    }

    /**
     * Kernel density estimation over every training month, equally weighted: the analyst's usual hotspot map. With
     * more than one candidate bandwidth, the bandwidth is chosen exactly as Peel's method chooses its settings
     * ({@link HotspotValidation}): on the last training months, each forecast from the months before it.
     *
     * @param bandwidths       candidate Gaussian standard deviations, metres
     * @param validationMonths training months to validate on
     */
    record Kde(List<Double> bandwidths, int validationMonths) implements HotspotMethod {
        public Kde {
            bandwidths = List.copyOf(bandwidths);
            if (bandwidths.isEmpty() || bandwidths.stream().anyMatch(b -> !(b > 0)) || validationMonths < 1) {
                throw new IllegalArgumentException("--bandwidth must be above 0, not " + bandwidths);
            }
        }

        /** One fixed bandwidth. */
        public Kde(double bandwidthMetres) {
            this(List.of(bandwidthMetres), HotspotValidation.VALIDATION_MONTHS);
        }

        /** The rival as a force's analyst would tune it: 50 m to 800 m, chosen by validation. */
        public static Kde tuned() {
            return new Kde(List.of(50.0, 100.0, 150.0, 200.0, 300.0, 400.0, 600.0, 800.0),
                    HotspotValidation.VALIDATION_MONTHS);
        }

        @Override
        public String name() {
            return "kde";
        }

        @Override
        public HotspotForecast forecast(HotspotHistory history) {
            double bandwidth = bandwidths.get(bandwidths.size() / 2);
            String how = "";
            if (bandwidths.size() > 1) {
                HotspotValidation.Choice chosen = HotspotValidation.choose(history, validationMonths,
                        bandwidths.size(), before -> bandwidths.stream().map(b -> surface(before, b)).toList());
                bandwidth = chosen.index() < 0 ? bandwidth : bandwidths.get(chosen.index());
                how = "; " + chosen.how();
            }
            return new HotspotForecast(surface(history, bandwidth), String.format(Locale.ROOT,
                    "Gaussian, bandwidth %.0f m, %d months%s", bandwidth, history.months().size(), how));
        }

        private static double[] surface(HotspotHistory history, double bandwidth) {
            double[] weights = new double[history.months().size()];
            java.util.Arrays.fill(weights, 1);
            return HotspotKernel.gaussian(history, history.pointWeights(false, weights), bandwidth);
        }
    }

    /**
     * Prospective hotspotting after Bowers, Johnson and Pease (2004): each incident raises the risk around it, most
     * nearby and most recently. An incident d metres away that happened t months before the forecast month adds
     * 1/(1 + ⌊d / band⌋) × 1/(1 + t), for d within the radius and t below the months given (t = 0 for the last
     * training month). The original used weeks and 50 m cells; police.uk gives only the month, so time bands are
     * months, and two months stand for the original's eight weeks.
     *
     * @param radiusMetres how far an incident raises risk
     * @param bandMetres   width of each distance band
     * @param months       how many recent months count
     */
    record Prospective(double radiusMetres, double bandMetres, int months) implements HotspotMethod {
        public Prospective {
            if (!(radiusMetres > 0 && bandMetres > 0 && months >= 1)) {
                throw new IllegalArgumentException("prospective needs a positive radius, band and month count");
            }
        }

        @Override
        public String name() {
            return "prospective";
        }

        @Override
        public HotspotForecast forecast(HotspotHistory history) {
            int n = history.months().size();
            double[] weights = new double[n];
            for (int t = 0; t < Math.min(months, n); t++) {
                weights[n - 1 - t] = 1.0 / (1 + t);
            }
            double band = bandMetres;
            return new HotspotForecast(HotspotKernel.spread(history, history.pointWeights(false, weights),
                    radiusMetres, d2 -> 1.0 / (1 + Math.floor(Math.sqrt(d2) / band))),
                    String.format(Locale.ROOT, "within %.0f m in %.0f m bands, last %d months", radiusMetres,
                            bandMetres, months));
        }
    }
}
