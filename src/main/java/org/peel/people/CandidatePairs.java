package org.peel.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pairs of records to compare: the union of the pairs each blocking rule yields, each pair once. A pair is
 * credited to the first rule that yields it, so the counts per rule add up to the total.
 */
public final class CandidatePairs {

    private final int[] left;
    private final int[] right;
    private final int size;
    private final Map<String, Long> perRule;

    private CandidatePairs(int[] left, int[] right, int size, Map<String, Long> perRule) {
        this.left = left;
        this.right = right;
        this.size = size;
        this.perRule = perRule;
    }

    /** Every pair that at least one of the rules yields. */
    public static CandidatePairs of(List<PreparedRecord> records, List<BlockingRule> rules) {
        return of(records, rules, 0);
    }

    /**
     * Only the pairs that involve at least one record from position {@code firstNew} on: what an incremental run
     * compares, since pairs of earlier records were settled by the run before.
     */
    public static CandidatePairs of(List<PreparedRecord> records, List<BlockingRule> rules, int firstNew) {
        List<String[]> keys = new ArrayList<>();
        for (BlockingRule r : rules) {
            keys.add(r.keys(records));
        }
        int[] left = new int[1024];
        int[] right = new int[1024];
        int n = 0;
        Map<String, Long> perRule = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            long count = 0;
            for (int[] block : BlockingRule.blocks(keys.get(r))) {
                // blocks list records in order, so the new ones are at the end of each block
                int newFrom = block.length;
                while (newFrom > 0 && block[newFrom - 1] >= firstNew) {
                    newFrom--;
                }
                for (int x = 0; x < block.length; x++) {
                    for (int y = Math.max(x + 1, newFrom); y < block.length; y++) {
                        int i = block[x];
                        int j = block[y];
                        if (yieldedEarlier(keys, r, i, j)) {
                            continue;
                        }
                        if (n == left.length) {
                            left = Arrays.copyOf(left, n * 2);
                            right = Arrays.copyOf(right, n * 2);
                        }
                        left[n] = i;
                        right[n] = j;
                        n++;
                        count++;
                    }
                }
            }
            perRule.put(rules.get(r).name(), count);
        }
        return new CandidatePairs(left, right, n, perRule);
    }

    /** The pairs a single rule yields, whether or not other rules yield them too. */
    static CandidatePairs ofRule(List<PreparedRecord> records, BlockingRule rule) {
        return of(records, List.of(rule));
    }

    private static boolean yieldedEarlier(List<String[]> keys, int rule, int i, int j) {
        for (int e = 0; e < rule; e++) {
            String[] k = keys.get(e);
            if (k[i] != null && k[i].equals(k[j])) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    public int left(int pair) {
        return left[pair];
    }

    public int right(int pair) {
        return right[pair];
    }

    /** How many pairs each rule added that no earlier rule had, by rule name, in rule order. */
    public Map<String, Long> perRule() {
        return perRule;
    }
}
