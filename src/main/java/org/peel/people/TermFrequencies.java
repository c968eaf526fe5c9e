package org.peel.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How common each value of a detail is among the records. Agreeing on "Smith" is weak evidence; agreeing on
 * "Sondergeld" is strong. Fellegi–Sunter's u for exact agreement on value v is about the share of records with v,
 * so the weight of that agreement is adjusted by log2(u_exact ÷ share(v)).
 */
public final class TermFrequencies implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> counts;
    private final int total;

    private TermFrequencies(Map<String, Integer> counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    public static TermFrequencies of(List<PreparedRecord> records, Function<PreparedRecord, String> value) {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (PreparedRecord r : records) {
            String v = value.apply(r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
                total++;
            }
        }
        return new TermFrequencies(counts, total);
    }

    /** The share of records holding this value, never less than one record's share. */
    public double share(String value) {
        if (total == 0) {
            return 1.0;
        }
        return Math.max(1, counts.getOrDefault(value, 0)) / (double) total;
    }

    /** Bits to add to the weight of exact agreement on this value, given the comparison's average u for it. */
    public double adjustment(String value, double uExact) {
        return log2(uExact / share(value));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
