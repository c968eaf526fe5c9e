package org.peel.prevention;

import java.util.List;
import java.util.Locale;

/**
 * A way of forecasting next month's hotspots: training incidents in, a score per cell out. Pure: the same history
 * always gives the same scores, and a method sees nothing but the {@link HotspotHistory} it is given.
 */
public sealed interface HotspotMethod permits HotspotMethod.LastPeriod, HotspotMethod.Kde,
        HotspotMethod.Prospective, HotspotPeelMethod {

    /** The name used on the command line and in reports. */
    String name();

    HotspotForecast forecast(HotspotHistory history);

    /** The three baselines and Peel's method, with their default settings. */
    static List<HotspotMethod> all() {
        return List.of(new LastPeriod(), new Kde(400), new Prospective(400, 100, 2), HotspotPeelMethod.standard());
    }

    /** The naive baseline: last month's count in each cell. */
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
            return new HotspotForecast(HotspotKernel.cellSums(history, history.pointWeights(false, weights)),
                    "counts in " + last);
        }
    }

    /**
     * Kernel density estimation over every training month, equally weighted: the analyst's usual hotspot map.
     *
     * @param bandwidthMetres the Gaussian's standard deviation
     */
    record Kde(double bandwidthMetres) implements HotspotMethod {
        public Kde {
            if (!(bandwidthMetres > 0)) {
                throw new IllegalArgumentException("--bandwidth must be above 0, not " + bandwidthMetres);
            }
        }

        @Override
        public String name() {
            return "kde";
        }

        @Override
        public HotspotForecast forecast(HotspotHistory history) {
            double[] weights = new double[history.months().size()];
            java.util.Arrays.fill(weights, 1);
            return new HotspotForecast(HotspotKernel.gaussian(history, history.pointWeights(false, weights),
                    bandwidthMetres), String.format(Locale.ROOT, "Gaussian, bandwidth %.0f m, %d months",
                    bandwidthMetres, weights.length));
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
