package org.peel.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws an index with probability proportional to its weight (cumulative sums and a binary search). */
final class Weighted {

    private final double[] cumulative;

    Weighted(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0 || Double.isNaN(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to " + sum);
        }
    }

    static Weighted of(double... weights) {
        return new Weighted(weights);
    }

    int draw(SplittableRandom rnd) {
        double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, cumulative.length - 1);
    }

    int size() {
        return cumulative.length;
    }

    /** Zipf-like weights 1/(rank+offset)^exponent: a few very common values and a long tail of rare ones. */
    static double[] zipf(int n, double exponent, double offset) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / StrictMath.pow(i + 1 + offset, exponent);
        }
        return w;
    }

    /**
     * Splits {@code total} into whole numbers in proportion to the weights, by largest remainder, so the
     * realised proportions are as close to the weights as whole numbers allow, whatever the seed.
     */
    static long[] apportion(long total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        long[] out = new long[weights.length];
        double[] remainder = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            out[i] = (long) Math.floor(exact);
            remainder[i] = exact - out[i];
            given += out[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a]) : a - b);
        for (int k = 0; given < total; k++, given++) {
            out[order[k % order.length]]++;
        }
        return out;
    }
}
