package org.peel.people;

import java.util.List;

/**
 * Why two records were judged the same person or not: the prior, each comparison's contribution, the total match
 * weight and the resulting probability. Every decision the engine makes can be shown this way.
 */
public record MatchExplanation(String leftRecordId, String rightRecordId, double priorWeight,
                               List<FieldContribution> contributions, MatchWeight match) {

    /** One line per comparison, strongest evidence first, for logs-free display in tools and tests. */
    public String summary() {
        StringBuilder s = new StringBuilder(String.format("prior %.2f bits", priorWeight));
        contributions.stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.total()), Math.abs(a.total())))
                .forEach(c -> s.append(String.format("%n%-10s %-22s %+6.2f", c.comparison(), c.level(), c.total())));
        s.append(String.format("%nweight %.2f bits, probability %.4f", match.weight(), match.probability()));
        return s.toString();
    }
}
