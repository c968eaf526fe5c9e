package org.peel.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A growable list of ints. Drawing uniformly from a list that holds a person once per appearance is
 * preferential attachment: people already seen often are the likeliest to be seen again, which is what
 * makes a few victims and offenders account for many records.
 */
final class IntList {

    private int[] values = new int[16];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int draw(SplittableRandom rnd) {
        return values[rnd.nextInt(size)];
    }

    /**
     * Draws someone whose count is still below the cap, or -1 after a few tries. Preferential attachment alone
     * lets the earliest people run away with hundreds of records in a year; real prolific offenders and
     * repeatedly missing children have tens.
     */
    int drawBelow(SplittableRandom rnd, int[] counts, int cap) {
        for (int tries = 0; tries < 8; tries++) {
            int v = draw(rnd);
            if (counts[v] < cap) {
                return v;
            }
        }
        return -1;
    }

    /** Draws from the most recent {@code window} entries. */
    int drawRecent(SplittableRandom rnd, int window) {
        int from = Math.max(0, size - window);
        return values[from + rnd.nextInt(size - from)];
    }
}
