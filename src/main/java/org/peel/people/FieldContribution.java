package org.peel.people;

/**
 * What one comparison added to a pair's match weight, and why.
 *
 * @param comparison              the comparison, e.g. {@code surname}
 * @param level                   the level the pair fell in, e.g. {@code double-metaphone}
 * @param description             the level in words
 * @param m                       probability of this level among records of the same person
 * @param u                       probability of this level among records of different people
 * @param weight                  log2(m ÷ u): positive is evidence for a match, negative against
 * @param termFrequencyAdjustment bits added because the agreed value is rarer (positive) or commoner (negative)
 *                                than average; 0 when not adjusted
 */
public record FieldContribution(String comparison, String level, String description, double m, double u,
                                double weight, double termFrequencyAdjustment) {

    /** The whole contribution in bits. */
    public double total() {
        return weight + termFrequencyAdjustment;
    }
}
