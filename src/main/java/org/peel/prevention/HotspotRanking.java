package org.peel.prevention;

import java.util.Arrays;

/** Orders the study area's cells by forecast score, and judges the top of the order against what happened. */
public final class HotspotRanking {

    private HotspotRanking() {
    }

    /** Cells to flag for a share of the area: ⌈share × area cells⌉, at least one. */
    public static int cellsFor(double areaShare, int areaCells) {
        // the small tolerance keeps 0.05 × 200 at 10 rather than 11 after floating-point rounding
        return Math.max(1, Math.min(areaCells, (int) Math.ceil(areaShare * areaCells - 1e-9)));
    }

    /**
     * The area's cells from highest score to lowest; equal scores in ascending cell id, so the same inputs always
     * give the same map.
     */
    public static int[] order(double[] scores, int[] areaCells) {
        Integer[] boxed = new Integer[areaCells.length];
        for (int i = 0; i < areaCells.length; i++) {
            boxed[i] = areaCells[i];
        }
        Arrays.sort(boxed, (a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        int[] ordered = new int[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            ordered[i] = boxed[i];
        }
        return ordered;
    }

    /** Hit rate and PAI of the first k cells of an order, against incidents counted by cell. */
    public static HotspotScore score(int[] order, double areaShare, int[] testCounts) {
        return score(order, areaShare, testCounts, 0);
    }

    /**
     * As {@link #score(int[], double, int[])}, with {@code outside} further incidents that fell outside the study
     * area: no forecast flagged them, so they count as misses.
     */
    public static HotspotScore score(int[] order, double areaShare, int[] testCounts, long outside) {
        int k = cellsFor(areaShare, order.length);
        long hits = 0;
        for (int i = 0; i < k; i++) {
            hits += testCounts[order[i]];
        }
        long all = 0;
        for (int cell : order) {
            all += testCounts[cell];
        }
        return new HotspotScore(areaShare, k, order.length, hits, all + outside);
    }

    /**
     * The hit rate of the first k = ⌈share × area⌉ cells of {@link #order}, without sorting the whole area: the
     * k-th highest score is found on a sorted copy of the scores, then cells above it, and cells equal to it in
     * ascending id, are taken, exactly as the full order would take them. Tuning compares many candidates, and only
     * the flagged cells matter to it.
     */
    public static double topHitRate(double[] scores, int[] areaCells, double areaShare, int[] testCounts) {
        int k = cellsFor(areaShare, areaCells.length);
        double[] values = new double[areaCells.length];
        long all = 0;
        for (int i = 0; i < areaCells.length; i++) {
            values[i] = scores[areaCells[i]];
            all += testCounts[areaCells[i]];
        }
        if (all == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        double threshold = values[values.length - k];
        long hits = 0;
        int taken = 0;
        for (int cell : areaCells) {
            if (scores[cell] > threshold) {
                hits += testCounts[cell];
                taken++;
            }
        }
        int[] sorted = areaCells.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length && taken < k; i++) {
            if (scores[sorted[i]] == threshold) {
                hits += testCounts[sorted[i]];
                taken++;
            }
        }
        return (double) hits / all;
    }
}
