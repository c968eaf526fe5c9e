package org.peel.prevention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a tuned method chooses among candidate settings, the same way for every method that tunes itself (Peel's own
 * and the kde rival): each of the last few training months is forecast from the training months before it, each
 * candidate's hit rate at the area share being judged is averaged over those months, and the best mean wins (the
 * first candidate listed wins a tie). The month being forecast is never among them.
 */
final class HotspotValidation {

    /** Training months held out for validation. */
    static final int VALIDATION_MONTHS = 3;
    /** Fewest months a validation fit may be trained on. */
    static final int MIN_VALIDATION_TRAINING = 2;

    private HotspotValidation() {
    }

    /**
     * The winner's index (−1 when too few months to validate) and a line saying how it was chosen.
     *
     * @param scorer for a history cut off before a validation month, every candidate's scores by cell, in order
     */
    record Choice(int index, double meanHitRate, String how, double[] means) {

        /** Candidate indexes from the best mean validation hit rate down; the earlier listed first on a tie. */
        int[] ranked() {
            Integer[] order = new Integer[means.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int byMean = Double.compare(means[b], means[a]);
                return byMean != 0 ? byMean : Integer.compare(a, b);
            });
            return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
    }

    static Choice choose(HotspotHistory history, int validationMonths, int candidates,
                         Function<HotspotHistory, List<double[]>> scorer) {
        List<YearMonth> origins = origins(history, validationMonths);
        if (origins.isEmpty()) {
            return new Choice(-1, Double.NaN, "too few training months to validate", new double[0]);
        }
        double[] total = new double[candidates];
        for (YearMonth origin : origins) {
            HotspotHistory before = history.before(origin);
            int[] actual = history.countsIn(origin);
            int[] area = before.areaCells();
            List<double[]> scores = scorer.apply(before);
            for (int i = 0; i < candidates; i++) {
                double hitRate = HotspotRanking.topHitRate(scores.get(i), area, history.areaShare(), actual);
                total[i] += Double.isNaN(hitRate) ? 0 : hitRate;
            }
        }
        int best = 0;
        for (int i = 1; i < candidates; i++) {
            if (total[i] > total[best] + 1e-12) {
                best = i;
            }
        }
        double mean = total[best] / origins.size();
        double[] means = new double[candidates];
        for (int i = 0; i < candidates; i++) {
            means[i] = total[i] / origins.size();
        }
        return new Choice(best, mean, String.format(Locale.ROOT, "chosen on %s (mean validation hit rate %.3f)",
                origins.stream().map(YearMonth::toString).collect(Collectors.joining(", ")), mean), means);
    }

    static List<YearMonth> origins(HotspotHistory history, int validationMonths) {
        List<YearMonth> months = history.months();
        List<YearMonth> origins = new ArrayList<>();
        for (int i = Math.max(MIN_VALIDATION_TRAINING, months.size() - validationMonths); i < months.size(); i++) {
            origins.add(months.get(i));
        }
        return origins;
    }
}
