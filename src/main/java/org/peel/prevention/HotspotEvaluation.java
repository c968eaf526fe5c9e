package org.peel.prevention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin evaluation that cannot see the future: for each test month, the grid, the study area and every
 * method's training data come from the training months before it only, and each method is judged on where that
 * month's incidents actually fell. A test incident outside the training months' study area (beyond the grid, or in a
 * cell where nothing had happened) is a miss for every method, and is counted. Training months for which the input
 * holds no row are left out and reported, not read as months without crime.
 *
 * <p>With several origins, each method's figures are averaged over them with a 95% t-interval over origins
 * (mean ± t<sub>0.975, n−1</sub> · s / √n), and Peel's method is compared with each rival by the paired differences
 * at each origin, with the same interval.
 */
public final class HotspotEvaluation {

    /** The lower share reported beside the one asked for. */
    public static final double ONE_PERCENT = 0.01;
    /** The method every other is compared with. */
    public static final String PEEL = "peel";

    private HotspotEvaluation() {
    }

    /** One method's result at one origin. */
    public record MethodResult(String method, HotspotScore atShare, HotspotScore atOnePercent, double seconds,
                               String detail, int[] topCells) {
    }

    /**
     * All methods at one test month.
     *
     * @param testIncidents  incidents of the type with a location in the test month, including those outside the area
     * @param outsideArea    of those, how many fell outside the training months' study area (misses for every method)
     * @param missingMonths  months of the training window with no row at all in the input, left out
     * @param grid           the grid built from the training months
     * @param areaCells      the study area built from the training months
     */
    public record Origin(YearMonth testMonth, List<YearMonth> trainingMonths, long testIncidents, long outsideArea,
                         List<MethodResult> methods, List<YearMonth> missingMonths, HotspotGrid grid,
                         int[] areaCells) {
    }

    /** A 95% t-interval over origins: mean, low and high (NaN bounds with fewer than two origins). */
    public record Interval(double mean, double low, double high, int n) {

        /** The interval of the values, ignoring NaN. */
        public static Interval of(double[] values) {
            double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
            int n = v.length;
            if (n == 0) {
                return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double mean = Arrays.stream(v).average().orElseThrow();
            if (n < 2) {
                return new Interval(mean, Double.NaN, Double.NaN, n);
            }
            double ss = 0;
            for (double d : v) {
                ss += (d - mean) * (d - mean);
            }
            double half = t975(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
            return new Interval(mean, mean - half, mean + half, n);
        }

        /** True when the whole interval lies above zero. */
        public boolean aboveZero() {
            return low > 0;
        }
    }

    /**
     * Peel's method minus a rival, origin by origin.
     *
     * @param hitRate difference in hit rate at the area share
     * @param pai     difference in PAI at the area share
     * @param wins    origins at which Peel's method caught more test incidents than the rival
     * @param origins origins compared
     */
    public record Comparison(Interval hitRate, Interval pai, int wins, int origins) {
    }

    /**
     * A method's figures averaged over the origins; the intervals and the comparison with Peel's method (null for
     * Peel's own row, or when it was not evaluated) are over origins.
     */
    public record Summary(String method, double hitRate, double pai, double hitRateOnePercent, double paiOnePercent,
                          double seconds, Interval hitRateInterval, Interval paiInterval, Comparison peelMinusThis) {
    }

    /** The whole evaluation. */
    public record Report(String crimeType, double areaShare, int areaCells, List<Origin> origins,
                         List<Summary> summaries, List<YearMonth> skippedTestMonths) {
        public long testIncidents() {
            return origins.stream().mapToLong(Origin::testIncidents).sum();
        }

        public long outsideArea() {
            return origins.stream().mapToLong(Origin::outsideArea).sum();
        }

        public YearMonth lastTestMonth() {
            return origins.get(origins.size() - 1).testMonth();
        }

        /** The summary of the named method, if evaluated. */
        public java.util.Optional<Summary> summary(String method) {
            return summaries.stream().filter(s -> s.method().equals(method)).findFirst();
        }
    }

    /**
     * Evaluates the methods at the given number of origins ending at {@code lastTestMonth}, each trained on the
     * {@code trainMonths} calendar months before its own test month. An earlier test month for which the input holds
     * no row is skipped and listed; the last must have rows.
     */
    public static Report evaluate(HotspotStudy study, List<HotspotMethod> methods, YearMonth lastTestMonth,
                                  int trainMonths, int origins, double areaShare) {
        if (origins < 1) {
            throw new IllegalArgumentException("--origins must be at least 1");
        }
        if (study.incidentsIn(lastTestMonth) == 0) {
            throw new IllegalArgumentException("The input has no rows for the test month " + lastTestMonth
                    + "; it holds " + study.months().get(0) + " to "
                    + study.months().get(study.months().size() - 1));
        }
        List<Origin> results = new ArrayList<>();
        List<YearMonth> skipped = new ArrayList<>();
        for (int k = origins - 1; k >= 0; k--) {
            YearMonth test = lastTestMonth.minusMonths(k);
            boolean anyBefore = study.months().stream().anyMatch(m -> m.isBefore(test)
                    && !m.isBefore(test.minusMonths(trainMonths)));
            if (study.incidentsIn(test) == 0 || !anyBefore) {
                skipped.add(test);
                continue;
            }
            results.add(evaluateOne(study, methods, test, trainMonths, areaShare));
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("No test month from " + lastTestMonth.minusMonths(origins - 1) + " to "
                    + lastTestMonth + " has rows and earlier months to learn from");
        }
        List<Summary> summaries = new ArrayList<>();
        int peel = -1;
        for (int m = 0; m < methods.size(); m++) {
            if (methods.get(m).name().equals(PEEL)) {
                peel = m;
            }
        }
        for (int m = 0; m < methods.size(); m++) {
            double[] hr = new double[results.size()];
            double[] pai = new double[results.size()];
            double[] hr1 = new double[results.size()];
            double[] pai1 = new double[results.size()];
            double[] dHr = new double[results.size()];
            double[] dPai = new double[results.size()];
            double seconds = 0;
            int wins = 0;
            for (int o = 0; o < results.size(); o++) {
                MethodResult r = results.get(o).methods().get(m);
                seconds += r.seconds();
                hr[o] = r.atShare().hitRate();
                pai[o] = r.atShare().pai();
                hr1[o] = r.atOnePercent().hitRate();
                pai1[o] = r.atOnePercent().pai();
                if (peel >= 0) {
                    MethodResult p = results.get(o).methods().get(peel);
                    dHr[o] = p.atShare().hitRate() - hr[o];
                    dPai[o] = p.atShare().pai() - pai[o];
                    wins += p.atShare().hits() > r.atShare().hits() ? 1 : 0;
                }
            }
            Interval hrI = Interval.of(hr);
            Interval paiI = Interval.of(pai);
            Comparison vs = peel < 0 || peel == m ? null
                    : new Comparison(Interval.of(dHr), Interval.of(dPai), wins, results.size());
            summaries.add(new Summary(methods.get(m).name(), hrI.mean(), paiI.mean(), Interval.of(hr1).mean(),
                    Interval.of(pai1).mean(), seconds, hrI, paiI, vs));
        }
        int areaCells = results.get(results.size() - 1).areaCells().length;
        return new Report(study.crimeType(), areaShare, areaCells, results, summaries, skipped);
    }

    private static Origin evaluateOne(HotspotStudy study, List<HotspotMethod> methods, YearMonth test,
                                      int trainMonths, double areaShare) {
        HotspotHistory history = study.history(test, trainMonths, areaShare);
        HotspotStudy.Placed actual = history.study().place(study.incidentsOfType(test));
        int[] area = history.areaCells();
        List<MethodResult> results = new ArrayList<>();
        for (HotspotMethod method : methods) {
            long t0 = System.nanoTime();
            HotspotForecast forecast = method.forecast(history);
            int[] order = HotspotRanking.order(forecast.scores(), area);
            double seconds = (System.nanoTime() - t0) / 1e9;
            HotspotScore atShare = HotspotRanking.score(order, areaShare, actual.counts(), actual.outside());
            HotspotScore atOne = HotspotRanking.score(order, ONE_PERCENT, actual.counts(), actual.outside());
            results.add(new MethodResult(method.name(), atShare, atOne, seconds, forecast.detail(),
                    Arrays.copyOf(order, atShare.cells())));
        }
        return new Origin(test, history.months(), actual.inside() + actual.outside(), actual.outside(), results,
                history.missingMonths(), history.grid(), area);
    }

    /** The 97.5th percentile of Student's t with the given degrees of freedom. */
    static double t975(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
                2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052,
                2.048, 2.045, 2.042};
        return df <= table.length ? table[df - 1] : 1.96 + 2.5 / df;
    }
}
