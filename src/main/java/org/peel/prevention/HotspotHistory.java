package org.peel.prevention;

import java.time.YearMonth;
import java.util.List;

/**
 * Everything a forecasting method may see: the grid, the study area, and the incidents of the training months only.
 * Incidents of any later month are filtered out when this is built, so no method can peek at the month it forecasts.
 */
public final class HotspotHistory {

    private final HotspotStudy study;
    private final List<YearMonth> months;
    private final double areaShare;
    private final YearMonth forecastMonth;
    private final List<YearMonth> missingMonths;
    private final int[] typedPoint;
    private final int[] typedMonth;
    private final int[] allPoint;
    private final int[] allMonth;

    HotspotHistory(HotspotStudy study, List<YearMonth> months, double areaShare, YearMonth forecastMonth,
                   List<YearMonth> missingMonths, int[][] typed, int[][] all) {
        if (!(areaShare > 0 && areaShare <= 1)) {
            throw new IllegalArgumentException("--area-share must be above 0 and at most 1, not " + areaShare);
        }
        this.study = study;
        this.months = List.copyOf(months);
        this.areaShare = areaShare;
        this.forecastMonth = forecastMonth;
        this.missingMonths = List.copyOf(missingMonths);
        this.typedPoint = typed[0];
        this.typedMonth = typed[1];
        this.allPoint = all[0];
        this.allMonth = all[1];
    }

    /** The training months that hold data, oldest first. */
    public List<YearMonth> months() {
        return months;
    }

    /** The month forecast: the one after the training window. */
    public YearMonth forecastMonth() {
        return forecastMonth;
    }

    /** Months of the training window for which the input holds no row at all, left out rather than read as zero. */
    public List<YearMonth> missingMonths() {
        return missingMonths;
    }

    /** Whole months from a training month to the forecast month (1 for the month just before it). */
    int monthsBefore(int monthIndex) {
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(months.get(monthIndex), forecastMonth);
    }

    public HotspotGrid grid() {
        return study.grid();
    }

    public int[] areaCells() {
        return study.areaCells();
    }

    /** The share of the area the forecast will be judged on; methods that tune themselves aim at it. */
    public double areaShare() {
        return areaShare;
    }

    /** Incidents of the crime type in the training months. */
    public int incidentCount() {
        return typedPoint.length;
    }

    /** The same inputs cut off before a month inside this window, for validation within the training data. */
    public HotspotHistory before(YearMonth origin) {
        int end = months.indexOf(origin);
        if (end < 0) {
            throw new IllegalArgumentException(origin + " is not a training month");
        }
        return study.history(months.subList(0, end), areaShare, origin, List.of());
    }

    /**
     * Weight per distinct point: the sum over its incidents of {@code monthWeights[i]}, where i indexes
     * {@link #months()}. {@code allTypes} counts every crime type instead of the one being forecast.
     */
    double[] pointWeights(boolean allTypes, double[] monthWeights) {
        double[] w = new double[study.pointCount()];
        int[] point = allTypes ? allPoint : typedPoint;
        int[] month = allTypes ? allMonth : typedMonth;
        for (int i = 0; i < point.length; i++) {
            w[point[i]] += monthWeights[month[i]];
        }
        return w;
    }

    /** Incidents of the crime type in one training month, by cell. */
    int[] countsIn(YearMonth month) {
        int m = months.indexOf(month);
        int[] counts = new int[grid().cellCount()];
        for (int i = 0; i < typedPoint.length; i++) {
            if (typedMonth[i] == m) {
                counts[study.pointCell(typedPoint[i])]++;
            }
        }
        return counts;
    }

    HotspotStudy study() {
        return study;
    }

    /** Incidents of the crime type in the training months: distinct point and index into {@link #months()}. */
    int[] typedPoints() {
        return typedPoint;
    }

    int[] typedMonths() {
        return typedMonth;
    }
}
