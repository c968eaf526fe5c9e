package org.peel.people;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Estimates Fellegi–Sunter's parameters from the records themselves, without labelled pairs.
 * <ul>
 * <li>u (how often each level occurs between different people) from random pairs: almost every random pair is two
 * different people. Exactly, over every pair, when there are few enough records.</li>
 * <li>m (how often each level occurs between records of the same person) and the share of matches λ by
 * expectation-maximisation over a blocking rule's pairs, u held fixed. The comparisons the rule is built on are left
 * out of that session, since the rule forced them to agree.</li>
 * </ul>
 * Deterministic: the same records and seed give the same estimates.
 */
public final class ExpectationMaximisation {

    /** The parameters one EM session ends with. */
    public record Estimate(double[][] m, double lambda, int iterations) {
    }

    private ExpectationMaximisation() {
    }

    /**
     * u for every level of every comparison, from up to {@code maxPairs} random pairs drawn with {@code seed}, or
     * from every pair when there are no more than that. A level never seen gets half a pair's share, so that its
     * weight is large but finite. Neutral (missing) levels get 0: they carry no weight.
     */
    public static double[][] estimateU(List<PreparedRecord> records, List<FieldComparison> comparisons,
                                       int maxPairs, long seed) {
        int n = records.size();
        long[][] counts = new long[comparisons.size()][];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = new long[comparisons.get(c).levels().size()];
        }
        long all = (long) n * (n - 1) / 2;
        if (all <= maxPairs) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    count(records.get(i), records.get(j), comparisons, counts);
                }
            }
        } else {
            // the pairs drawn in one sequence, as always; comparing them, the slow part, on every core. Counts are
            // whole numbers, so adding up the threads' counts in any order gives the same u
            Random random = new Random(seed);
            int[] left = new int[maxPairs];
            int[] right = new int[maxPairs];
            for (int k = 0; k < maxPairs; k++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n - 1);
                if (j >= i) {
                    j++;
                }
                left[k] = i;
                right[k] = j;
            }
            long[][] summed = java.util.stream.IntStream.range(0, maxPairs).parallel().collect(
                    () -> emptyCounts(comparisons),
                    (part, k) -> count(records.get(left[k]), records.get(right[k]), comparisons, part),
                    (x, y) -> {
                        for (int c = 0; c < x.length; c++) {
                            for (int l = 0; l < x[c].length; l++) {
                                x[c][l] += y[c][l];
                            }
                        }
                    });
            for (int c = 0; c < counts.length; c++) {
                System.arraycopy(summed[c], 0, counts[c], 0, counts[c].length);
            }
        }
        double[][] u = new double[comparisons.size()][];
        for (int c = 0; c < u.length; c++) {
            List<ComparisonLevel> levels = comparisons.get(c).levels();
            long informative = 0;
            for (int l = 0; l < levels.size(); l++) {
                if (!levels.get(l).neutral()) {
                    informative += counts[c][l];
                }
            }
            u[c] = new double[levels.size()];
            for (int l = 0; l < levels.size(); l++) {
                if (levels.get(l).neutral() || informative == 0) {
                    continue;
                }
                u[c][l] = counts[c][l] > 0 ? counts[c][l] / (double) informative : 0.5 / informative;
            }
        }
        return u;
    }

    private static long[][] emptyCounts(List<FieldComparison> comparisons) {
        long[][] counts = new long[comparisons.size()][];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = new long[comparisons.get(c).levels().size()];
        }
        return counts;
    }

    private static void count(PreparedRecord a, PreparedRecord b, List<FieldComparison> comparisons, long[][] counts) {
        for (int c = 0; c < comparisons.size(); c++) {
            counts[c][comparisons.get(c).compare(a, b)]++;
        }
    }

    /** The starting m: most matches agree exactly, the rest spread over the other levels. */
    public static double[][] initialM(List<FieldComparison> comparisons) {
        double[][] m = new double[comparisons.size()][];
        for (int c = 0; c < m.length; c++) {
            List<ComparisonLevel> levels = comparisons.get(c).levels();
            m[c] = new double[levels.size()];
            long informative = levels.stream().filter(l -> !l.neutral()).count();
            boolean first = true;
            for (int l = 0; l < levels.size(); l++) {
                if (levels.get(l).neutral()) {
                    continue;
                }
                m[c][l] = first ? 0.7 : 0.3 / (informative - 1);
                first = false;
            }
        }
        return m;
    }

    /** Runs EM to convergence (largest change in any parameter under {@code tolerance}) or the iteration limit. */
    public static Estimate run(ComparisonPatterns patterns, List<FieldComparison> comparisons, boolean[] active,
                               double[][] u, double[][] initialM, double initialLambda, int maxIterations,
                               double tolerance) {
        ComparisonPatterns.Counted counted = patterns.counted();
        Estimate e = new Estimate(copy(initialM), initialLambda, 0);
        for (int i = 1; i <= maxIterations; i++) {
            Estimate next = step(counted, comparisons, active, u, e.m(), e.lambda());
            double change = Math.abs(next.lambda() - e.lambda());
            for (int c = 0; c < active.length; c++) {
                for (int l = 0; l < next.m()[c].length; l++) {
                    change = Math.max(change, Math.abs(next.m()[c][l] - e.m()[c][l]));
                }
            }
            e = new Estimate(next.m(), next.lambda(), i);
            if (change < tolerance) {
                break;
            }
        }
        return e;
    }

    /**
     * One expectation-maximisation step. E: each vector's probability of being a match,
     * λ·∏m ÷ (λ·∏m + (1−λ)·∏u) over the active comparisons' informative levels. M: m for a level is the
     * match-probability-weighted share of pairs at that level among pairs informative for that comparison; λ is the
     * mean match probability. Inactive comparisons keep their m.
     */
    public static Estimate step(ComparisonPatterns patterns, List<FieldComparison> comparisons, boolean[] active,
                                double[][] u, double[][] m, double lambda) {
        return step(patterns.counted(), comparisons, active, u, m, lambda);
    }

    private static Estimate step(ComparisonPatterns.Counted patterns, List<FieldComparison> comparisons,
                                 boolean[] active, double[][] u, double[][] m, double lambda) {
        int[][] vectors = patterns.vectors();
        long[] counts = patterns.counts();
        double[][] matchAt = new double[m.length][];
        double[] matchInformative = new double[m.length];
        for (int c = 0; c < m.length; c++) {
            matchAt[c] = new double[m[c].length];
        }
        double matches = 0;
        long total = 0;
        for (int v = 0; v < vectors.length; v++) {
            double pm = lambda;
            double pu = 1 - lambda;
            for (int c = 0; c < m.length; c++) {
                int l = vectors[v][c];
                if (active[c] && !comparisons.get(c).levels().get(l).neutral()) {
                    pm *= m[c][l];
                    pu *= u[c][l];
                }
            }
            double p = pm + pu == 0 ? 0 : pm / (pm + pu);
            double weighted = p * counts[v];
            matches += weighted;
            total += counts[v];
            for (int c = 0; c < m.length; c++) {
                int l = vectors[v][c];
                if (!comparisons.get(c).levels().get(l).neutral()) {
                    matchAt[c][l] += weighted;
                    matchInformative[c] += weighted;
                }
            }
        }
        double[][] next = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            if (!active[c] || matchInformative[c] == 0) {
                next[c] = m[c].clone();
                continue;
            }
            next[c] = new double[m[c].length];
            for (int l = 0; l < m[c].length; l++) {
                next[c][l] = matchAt[c][l] / matchInformative[c];
            }
        }
        return new Estimate(next, total == 0 ? lambda : matches / total, 0);
    }

    private static double[][] copy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
