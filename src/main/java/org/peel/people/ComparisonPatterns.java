package org.peel.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs reduced to their comparison vectors (one level per comparison) and how many pairs share each vector.
 * Estimation works on a few thousand distinct vectors instead of millions of pairs.
 */
public final class ComparisonPatterns {

    private static final int BITS = 4;

    private final int comparisons;
    private final Map<Long, Long> counts;

    private ComparisonPatterns(int comparisons, Map<Long, Long> counts) {
        this.comparisons = comparisons;
        this.counts = counts;
    }

    public static ComparisonPatterns empty(int comparisons) {
        if (comparisons > 64 / BITS) {
            throw new IllegalArgumentException("at most " + 64 / BITS + " comparisons");
        }
        return new ComparisonPatterns(comparisons, new HashMap<>());
    }

    /** The vectors of the given pairs. */
    static ComparisonPatterns of(List<PreparedRecord> records, List<FieldComparison> comparisons, CandidatePairs pairs) {
        ComparisonPatterns p = empty(comparisons.size());
        int[] levels = new int[comparisons.size()];
        for (int k = 0; k < pairs.size(); k++) {
            PreparedRecord a = records.get(pairs.left(k));
            PreparedRecord b = records.get(pairs.right(k));
            for (int c = 0; c < levels.length; c++) {
                levels[c] = comparisons.get(c).compare(a, b);
            }
            p.add(levels, 1);
        }
        return p;
    }

    public void add(int[] levels, long count) {
        long key = 0;
        for (int c = 0; c < comparisons; c++) {
            key |= ((long) levels[c]) << (BITS * c);
        }
        counts.merge(key, count, Long::sum);
    }

    /** Adds another set's vectors and counts to this one. */
    public void addAll(ComparisonPatterns other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The distinct vectors and, at the same index, how many pairs have each. */
    record Counted(int[][] vectors, long[] counts) {
    }

    Counted counted() {
        int[][] v = new int[counts.size()][];
        long[] n = new long[counts.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            v[i] = decode(e.getKey());
            n[i] = e.getValue();
            i++;
        }
        return new Counted(v, n);
    }

    private int[] decode(long key) {
        int[] levels = new int[comparisons];
        for (int c = 0; c < comparisons; c++) {
            levels[c] = (int) ((key >>> (BITS * c)) & ((1 << BITS) - 1));
        }
        return levels;
    }
}
