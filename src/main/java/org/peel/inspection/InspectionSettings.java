package org.peel.inspection;

import java.util.Map;

/**
 * The inspection's local settings, from the environment: the force inspected when none is asked for
 * ({@code PEEL_INSPECTION_FORCE}, an ONS force code, default E23000001, the Metropolitan Police) and how far from
 * England and Wales a figure must be to be marked ({@code PEEL_INSPECTION_MARKED_DIFFERENCE_PCT}, default 20: a
 * figure at least 20% above or below England and Wales's is marked). The inspectorate's own marks rest on
 * significance tests Peel does not have the variances for, so the threshold is local practice.
 */
public record InspectionSettings(String forceCode, double markedDifferencePct) {

    public static final String DEFAULT_FORCE = "E23000001";
    public static final double DEFAULT_MARKED_DIFFERENCE_PCT = org.peel.common.Marker.DEFAULT_THRESHOLD_PCT;

    public static InspectionSettings from(Map<String, String> environment) {
        String force = environment.getOrDefault("PEEL_INSPECTION_FORCE", DEFAULT_FORCE).strip();
        String pct = environment.get("PEEL_INSPECTION_MARKED_DIFFERENCE_PCT");
        double threshold;
        try {
            threshold = pct == null || pct.isBlank() ? DEFAULT_MARKED_DIFFERENCE_PCT : Double.parseDouble(pct.strip());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("PEEL_INSPECTION_MARKED_DIFFERENCE_PCT is a percentage, not '" + pct + "'");
        }
        if (threshold <= 0) {
            throw new IllegalArgumentException("PEEL_INSPECTION_MARKED_DIFFERENCE_PCT must be above 0, not " + pct);
        }
        return new InspectionSettings(force.isEmpty() ? DEFAULT_FORCE : force, threshold);
    }
}
