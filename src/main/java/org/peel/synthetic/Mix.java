package org.peel.synthetic;

import java.util.SplittableRandom;

/** Seeds and stable hashes: every random stream derives from the seed and a name, never from time or memory order. */
final class Mix {

    private Mix() {
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash of a 64-bit value. */
    static long hash(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(long a, long b) {
        return hash(hash(a) ^ (b * 0x9e3779b97f4a7c15L));
    }

    /** The stream for one named part of a generation (String.hashCode is fixed by the Java specification). */
    static SplittableRandom stream(long seed, String name) {
        return new SplittableRandom(hash(seed, name.hashCode()));
    }

    /** A value in [0, n) fixed for the inputs. */
    static int pick(long a, long b, int n) {
        return (int) Math.floorMod(hash(a, b), (long) n);
    }

    /** A standard normal deviate; StrictMath so every machine gets the same bits. */
    static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    /** A log-normal duration with the given median. */
    static double lognormal(SplittableRandom rnd, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(rnd));
    }
}
