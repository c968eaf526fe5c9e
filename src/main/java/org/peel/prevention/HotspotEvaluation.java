package org.peel.prevention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation: for each test month, every method is trained on the months before it only, and judged
 * on where that month's incidents actually fell. With several origins the figures are averaged over them.
 */
public final class HotspotEvaluation {

    /** The lower share reported beside the one asked for. */
    public static final double ONE_PERCENT = 0.01;

    private HotspotEvaluation() {
    }

    /** One method's result at one origin. */
    public record MethodResult(String method, HotspotScore atShare, HotspotScore atOnePercent, double seconds,
                               String detail, int[] topCells) {
    }

    /** All methods at one test month. */
    public record Origin(YearMonth testMonth, List<YearMonth> trainingMonths, long testIncidents,
                         List<MethodResult> methods, List<YearMonth> emptyTrainingMonths) {
    }

    /** A method's figures averaged over the origins. */
    public record Summary(String method, double hitRate, double pai, double hitRateOnePercent, double paiOnePercent,
                          double seconds) {
    }

    /** The whole evaluation. */
    public record Report(String crimeType, double areaShare, int areaCells, List<Origin> origins,
                         List<Summary> summaries) {
        public long testIncidents() {
            return origins.stream().mapToLong(Origin::testIncidents).sum();
        }

        public YearMonth lastTestMonth() {
            return origins.get(origins.size() - 1).testMonth();
        }
    }

    /**
     * Evaluates the methods at the given number of origins ending at {@code lastTestMonth}, each trained on the
     * {@code trainMonths} months before its own test month.
     */
    public static Report evaluate(HotspotStudy study, List<HotspotMethod> methods, YearMonth lastTestMonth,
                                  int trainMonths, int origins, double areaShare) {
        if (origins < 1) {
            throw new IllegalArgumentException("--origins must be at least 1");
        }
        List<Origin> results = new ArrayList<>();
        for (int k = origins - 1; k >= 0; k--) {
            YearMonth test = lastTestMonth.minusMonths(k);
            if (study.incidentsIn(test) == 0) {
                throw new IllegalArgumentException("The input has no rows for the test month " + test
                        + "; it holds " + study.months().get(0) + " to "
                        + study.months().get(study.months().size() - 1));
            }
            results.add(evaluateOne(study, methods, test, trainMonths, areaShare));
        }
        List<Summary> summaries = new ArrayList<>();
        for (int m = 0; m < methods.size(); m++) {
            double hr = 0, pai = 0, hr1 = 0, pai1 = 0, seconds = 0;
            int counted = 0;
            for (Origin o : results) {
                MethodResult r = o.methods().get(m);
                seconds += r.seconds();
                if (o.testIncidents() > 0) {
                    counted++;
                    hr += r.atShare().hitRate();
                    pai += r.atShare().pai();
                    hr1 += r.atOnePercent().hitRate();
                    pai1 += r.atOnePercent().pai();
                }
            }
            double n = counted == 0 ? Double.NaN : counted;
            summaries.add(new Summary(methods.get(m).name(), hr / n, pai / n, hr1 / n, pai1 / n, seconds));
        }
        return new Report(study.crimeType(), areaShare, study.areaCellCount(), results, summaries);
    }

    private static Origin evaluateOne(HotspotStudy study, List<HotspotMethod> methods, YearMonth test,
                                      int trainMonths, double areaShare) {
        HotspotHistory history = study.history(test, trainMonths, areaShare);
        List<YearMonth> empty = history.months().stream().filter(m -> study.incidentsIn(m) == 0).toList();
        int[] actual = study.countsIn(test);
        int[] area = study.areaCells();
        long incidents = 0;
        for (int cell : area) {
            incidents += actual[cell];
        }
        List<MethodResult> results = new ArrayList<>();
        for (HotspotMethod method : methods) {
            long t0 = System.nanoTime();
            HotspotForecast forecast = method.forecast(history);
            int[] order = HotspotRanking.order(forecast.scores(), area);
            double seconds = (System.nanoTime() - t0) / 1e9;
            HotspotScore atShare = HotspotRanking.score(order, areaShare, actual);
            HotspotScore atOne = HotspotRanking.score(order, ONE_PERCENT, actual);
            results.add(new MethodResult(method.name(), atShare, atOne, seconds, forecast.detail(),
                    java.util.Arrays.copyOf(order, atShare.cells())));
        }
        return new Origin(test, history.months(), incidents, results, empty);
    }
}
