package org.peel.people;

/**
 * A pair's match weight in bits (the sum of the prior and every comparison's log2(m ÷ u)) and the probability
 * that the two records are the same person.
 */
public record MatchWeight(double weight, double probability) {

    public static MatchWeight of(double weight) {
        return new MatchWeight(weight, probability(weight));
    }

    /** Bits to probability: 2^w ÷ (1 + 2^w). */
    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2, -weight));
    }

    /** Probability to bits, the inverse of {@link #probability(double)}. */
    public static double weightOf(double probability) {
        return TermFrequencies.log2(probability / (1 - probability));
    }
}
