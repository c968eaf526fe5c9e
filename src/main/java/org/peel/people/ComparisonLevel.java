package org.peel.people;

/**
 * One outcome of comparing a field of two records, such as "surnames sound the same".
 *
 * @param code        short stable name, used in explanations and stored decisions
 * @param description what it means, in words a reviewer understands
 * @param neutral     true when the level says nothing either way (a detail missing), so it adds no weight
 */
public record ComparisonLevel(String code, String description, boolean neutral) {

    static ComparisonLevel of(String code, String description) {
        return new ComparisonLevel(code, description, false);
    }

    static ComparisonLevel neutral(String code, String description) {
        return new ComparisonLevel(code, description, true);
    }
}
