package org.peel.people;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** How alike two spellings are: Jaro-Winkler, and a fast way to tell that it cannot reach a threshold. */
final class Spelling {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Spelling() {
    }

    /** Jaro-Winkler similarity, from commons-text. */
    static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /**
     * Jaro-Winkler of a and b when it may reach {@code threshold}, else 0. Most pairs compared are strangers, so
     * first an upper bound from the characters the two share (Jaro counts at most that many matches, with no
     * transpositions) rules them out without the full computation; the bound never rules out a pair that reaches
     * the threshold.
     */
    static double jaroWinklerAtLeast(String a, String b, double threshold) {
        int[] counts = LETTER_COUNTS.get();
        for (int i = 0; i < a.length(); i++) {
            counts[a.charAt(i) & 0x7F]++;
        }
        int common = 0;
        for (int i = 0; i < b.length(); i++) {
            int c = b.charAt(i) & 0x7F;
            if (counts[c] > 0) {
                counts[c]--;
                common++;
            }
        }
        for (int i = 0; i < a.length(); i++) {
            counts[a.charAt(i) & 0x7F] = 0;
        }
        if (common == 0) {
            return 0;
        }
        double jaroBound = ((double) common / a.length() + (double) common / b.length() + 1) / 3;
        int prefix = 0;
        while (prefix < 4 && prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        double bound = jaroBound < 0.7 ? jaroBound : jaroBound + 0.1 * prefix * (1 - jaroBound);
        return bound < threshold ? 0 : jaroWinkler(a, b);
    }

    /** Scratch counts per character for {@link #jaroWinklerAtLeast(String, String, double)}, one per thread. */
    private static final ThreadLocal<int[]> LETTER_COUNTS = ThreadLocal.withInitial(() -> new int[128]);
}
