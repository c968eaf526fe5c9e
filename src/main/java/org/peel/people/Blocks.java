package org.peel.people;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The blocking rules' groups, built once for a set of records and shared by training and scoring: each rule's key
 * for every record reduced to a 64-bit hash, and the records sorted by it, so that a group is a run of equal keys.
 * Holding hashes rather than key strings keeps a million records' blocks in tens of megabytes. Two different keys
 * whose hashes happen to agree only add a candidate pair that scoring then rejects; they can never lose one.
 */
final class Blocks {

    private final int records;
    private final int indexBits;
    private final long indexMask;
    /** Per rule: each record's key hash with the low bits cleared, or 0 when the record has no key. */
    private final long[][] keys;
    /** Per rule: key hash (high bits) and record index (low bits) of every record with a key, sorted. */
    private final long[][] sorted;
    /** Per rule: where each group of two or more starts and ends (exclusive) in {@link #sorted}. */
    private final int[][] groupStarts;
    private final int[][] groupEnds;

    private Blocks(int records, int indexBits, long[][] keys, long[][] sorted, int[][] groupStarts,
                   int[][] groupEnds) {
        this.records = records;
        this.indexBits = indexBits;
        this.indexMask = (1L << indexBits) - 1;
        this.keys = keys;
        this.sorted = sorted;
        this.groupStarts = groupStarts;
        this.groupEnds = groupEnds;
    }

    static Blocks of(List<PreparedRecord> records, List<BlockingRule> rules) {
        int n = records.size();
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n)));
        long mask = (1L << indexBits) - 1;
        long[][] keys = new long[rules.size()][];
        long[][] sorted = new long[rules.size()][];
        int[][] starts = new int[rules.size()][];
        int[][] ends = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            BlockingRule rule = rules.get(r);
            long[] k = new long[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                String key = rule.key().apply(records.get(i));
                if (key != null) {
                    long h = hash(key) & ~mask;
                    k[i] = h == 0 ? mask + 1 : h;
                }
            });
            int withKey = 0;
            for (long h : k) {
                if (h != 0) {
                    withKey++;
                }
            }
            long[] s = new long[withKey];
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (k[i] != 0) {
                    s[at++] = k[i] | i;
                }
            }
            Arrays.parallelSort(s);
            keys[r] = k;
            sorted[r] = s;
            int[][] g = groups(s, mask);
            starts[r] = g[0];
            ends[r] = g[1];
        }
        return new Blocks(n, indexBits, keys, sorted, starts, ends);
    }

    /** Start and end (exclusive) of every run of two or more equal keys, as {starts, ends}. */
    private static int[][] groups(long[] s, long mask) {
        int[] starts = new int[16];
        int[] ends = new int[16];
        int g = 0;
        int i = 0;
        while (i < s.length) {
            int j = i + 1;
            while (j < s.length && (s[j] & ~mask) == (s[i] & ~mask)) {
                j++;
            }
            if (j - i > 1) {
                if (g == starts.length) {
                    starts = Arrays.copyOf(starts, g * 2);
                    ends = Arrays.copyOf(ends, g * 2);
                }
                starts[g] = i;
                ends[g] = j;
                g++;
            }
            i = j;
        }
        return new int[][]{Arrays.copyOf(starts, g), Arrays.copyOf(ends, g)};
    }

    int records() {
        return records;
    }

    int rules() {
        return keys.length;
    }

    /** The number of groups of two or more records under rule {@code r}. */
    int groups(int r) {
        return groupStarts[r].length;
    }

    /** The records of group {@code g} of rule {@code r}, in record order. */
    int[] group(int r, int g) {
        long[] s = sorted[r];
        int from = groupStarts[r][g];
        int to = groupEnds[r][g];
        int[] members = new int[to - from];
        for (int i = from; i < to; i++) {
            members[i - from] = (int) (s[i] & indexMask);
        }
        return members;
    }

    /** Whether rule {@code r} gives records {@code i} and {@code j} the same key. */
    boolean agree(int r, int i, int j) {
        long a = keys[r][i];
        return a != 0 && a == keys[r][j];
    }

    /** Whether a rule before {@code r} already yields the pair. */
    boolean yieldedEarlier(int r, int i, int j) {
        for (int e = 0; e < r; e++) {
            if (agree(e, i, j)) {
                return true;
            }
        }
        return false;
    }

    /** Every pair rule {@code r} yields, whether or not other rules yield it too. */
    long pairs(int r) {
        long pairs = 0;
        for (int g = 0; g < groups(r); g++) {
            long size = groupSize(r, g);
            pairs += size * (size - 1) / 2;
        }
        return pairs;
    }

    int groupSize(int r, int g) {
        return groupEnds[r][g] - groupStarts[r][g];
    }

    /** A well-spread 64-bit hash of a key (FNV-1a, then SplitMix64's finaliser). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** A pair's place in [0, 1), fixed for the pair: which pairs a sample keeps. */
    static double pairShare(int i, int j) {
        long h = ((long) i << 32) ^ j;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }

    int indexBits() {
        return indexBits;
    }
}
