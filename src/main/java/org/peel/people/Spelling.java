package org.peel.people;

/** How alike two spellings are: Jaro-Winkler, and a fast way to tell that it cannot reach a threshold. */
final class Spelling {

    private Spelling() {
    }

    /**
     * Jaro-Winkler similarity, exactly as commons-text's {@code JaroWinklerSimilarity} gives it (the same matching
     * window, the same order of arithmetic, so the same double), without its allocations and boxed characters:
     * linkage computes it for tens of millions of pairs, and there it was most of the time spent scoring.
     * Strings longer than 64 characters, which names and streets never are, go through a plain array version.
     */
    static double jaroWinkler(String first, String second) {
        if (first.equals(second)) {
            return 1d;
        }
        String max;
        String min;
        if (first.length() > second.length()) {
            max = first;
            min = second;
        } else {
            max = second;
            min = first;
        }
        int matches;
        int halfTranspositions;
        if (max.length() <= 64) {
            int range = Math.max(max.length() / 2 - 1, 0);
            // bit i set: character i of max (maxFlags) or of min (minFlags) has been matched
            long maxFlags = 0;
            long minFlags = 0;
            matches = 0;
            for (int mi = 0; mi < min.length(); mi++) {
                char c1 = min.charAt(mi);
                for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
                    if ((maxFlags & (1L << xi)) == 0 && c1 == max.charAt(xi)) {
                        maxFlags |= 1L << xi;
                        minFlags |= 1L << mi;
                        matches++;
                        break;
                    }
                }
            }
            // the matched characters of min, in order, against those of max, in order
            halfTranspositions = 0;
            long a = minFlags;
            long b = maxFlags;
            while (a != 0) {
                int i = Long.numberOfTrailingZeros(a);
                int x = Long.numberOfTrailingZeros(b);
                if (min.charAt(i) != max.charAt(x)) {
                    halfTranspositions++;
                }
                a &= a - 1;
                b &= b - 1;
            }
        } else {
            int[] mt = longMatches(min, max);
            matches = mt[0];
            halfTranspositions = mt[1];
        }
        double m = matches;
        if (m == 0) {
            return 0d;
        }
        int prefix = 0;
        for (int mi = 0; mi < Math.min(4, min.length()); mi++) {
            if (first.charAt(mi) != second.charAt(mi)) {
                break;
            }
            prefix++;
        }
        double j = ((m / first.length() + m / second.length() + (m - (double) halfTranspositions / 2) / m)) / 3;
        return j < 0.7d ? j : j + 0.1d * prefix * (1d - j);
    }

    /** Matches and half transpositions for strings too long for a 64-bit mask. */
    private static int[] longMatches(String min, String max) {
        int range = Math.max(max.length() / 2 - 1, 0);
        int[] matchIndexes = new int[min.length()];
        java.util.Arrays.fill(matchIndexes, -1);
        boolean[] matchFlags = new boolean[max.length()];
        int matches = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            char c1 = min.charAt(mi);
            for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
                if (!matchFlags[xi] && c1 == max.charAt(xi)) {
                    matchIndexes[mi] = xi;
                    matchFlags[xi] = true;
                    matches++;
                    break;
                }
            }
        }
        int half = 0;
        int x = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            if (matchIndexes[mi] != -1) {
                while (!matchFlags[x]) {
                    x++;
                }
                if (min.charAt(mi) != max.charAt(x)) {
                    half++;
                }
                x++;
            }
        }
        return new int[]{matches, half};
    }

    /**
     * Jaro-Winkler of a and b when it may reach {@code threshold}, else 0 (or a figure below the threshold). Most
     * pairs compared are strangers, so first an upper bound rules them out without the full computation: Jaro counts
     * at most as many matches as there are characters of one string whose character occurs in the other at all
     * (told by a 64-bit mask of the characters each holds, no table to clear), with no transpositions. The bound
     * never rules out a pair that reaches the threshold.
     */
    static double jaroWinklerAtLeast(String a, String b, double threshold) {
        long inA = 0;
        for (int i = 0; i < a.length(); i++) {
            inA |= 1L << (a.charAt(i) & 63);
        }
        long inB = 0;
        int ofBInA = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            inB |= 1L << (c & 63);
            if ((inA & (1L << (c & 63))) != 0) {
                ofBInA++;
            }
        }
        int ofAInB = 0;
        for (int i = 0; i < a.length(); i++) {
            if ((inB & (1L << (a.charAt(i) & 63))) != 0) {
                ofAInB++;
            }
        }
        int common = Math.min(ofAInB, ofBInA);
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
}
