package org.peel.people;

import java.util.Locale;

/**
 * Whether a pair waiting for review may be shown with its match probability. Two records that differ in sex, or in
 * given name (not the same name, a familiar form, an initial of it, or spelt within one letter of it), are never
 * shown as near-certain whatever the engine's score: a reviewer who sees "94.6% likely" beside a woman and a man of
 * different names is being misled by the weights, not told something (the score is a product of agreements on the
 * other fields, and those two fields are the ones a person checks first).
 */
public final class ReviewDoubt {

    private ReviewDoubt() {
    }

    /** Why the pair is doubtful, in words for the reviewer; null when the score may be shown. */
    public static String of(String sexA, String sexB, String forenamesA, String forenamesB, Nicknames nicknames) {
        String a = sex(sexA);
        String b = sex(sexB);
        boolean sexDiffers = a != null && b != null && !a.equals(b);
        boolean nameDiffers = givenNamesDiffer(first(forenamesA), first(forenamesB), nicknames);
        if (sexDiffers && nameDiffers) {
            return "They differ in sex and in given name";
        }
        if (sexDiffers) {
            return "They differ in sex";
        }
        if (nameDiffers) {
            return "They differ in given name";
        }
        return null;
    }

    static boolean givenNamesDiffer(String a, String b, Nicknames nicknames) {
        if (a == null || b == null || a.equals(b)) {
            return false;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) != b.charAt(0);
        }
        return !nicknames.sameName(a, b) && editDistance(a, b) > 1;
    }

    private static String sex(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().toUpperCase(Locale.ROOT);
        return t.startsWith("F") ? "F" : t.startsWith("M") ? "M" : null;
    }

    private static String first(String forenames) {
        if (forenames == null || forenames.isBlank()) {
            return null;
        }
        String f = forenames.strip().split("[\\s-]+")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return f.isEmpty() ? null : f;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
