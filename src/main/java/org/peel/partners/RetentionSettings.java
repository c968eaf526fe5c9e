package org.peel.partners;

import java.util.Map;

/**
 * MoPI review periods in years, each configuration because only the six-year minimum is sourced
 * (reference/standards.md §20.1: "Make group periods configuration").
 *
 * @param group1ReviewYears    years between reviews of a group 1 record; default 10
 * @param group2ClearanceYears the group 2 clearance period; default 10
 * @param group3ClearanceYears the group 3 clearance period; default 6 (the sourced minimum)
 */
public record RetentionSettings(int group1ReviewYears, int group2ClearanceYears, int group3ClearanceYears) {

    public RetentionSettings {
        if (group1ReviewYears < 1 || group2ClearanceYears < 1 || group3ClearanceYears < 6) {
            throw new IllegalArgumentException("MoPI periods must be at least a year, and group 3 at least the "
                    + "six-year minimum");
        }
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(10, 10, 6);
    }

    /**
     * The defaults, each replaced when set: {@code PEEL_MOPI_GROUP1_REVIEW_YEARS},
     * {@code PEEL_MOPI_GROUP2_CLEARANCE_YEARS}, {@code PEEL_MOPI_GROUP3_CLEARANCE_YEARS}.
     */
    public static RetentionSettings from(Map<String, String> environment) {
        RetentionSettings d = defaults();
        return new RetentionSettings(
                years(environment, "PEEL_MOPI_GROUP1_REVIEW_YEARS", d.group1ReviewYears()),
                years(environment, "PEEL_MOPI_GROUP2_CLEARANCE_YEARS", d.group2ClearanceYears()),
                years(environment, "PEEL_MOPI_GROUP3_CLEARANCE_YEARS", d.group3ClearanceYears()));
    }

    public int years(MopiGroup group) {
        return switch (group) {
            case PUBLIC_PROTECTION -> group1ReviewYears;
            case SERIOUS -> group2ClearanceYears;
            case OTHER -> group3ClearanceYears;
        };
    }

    private static int years(Map<String, String> environment, String name, int fallback) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a whole number of years, not '" + text + "'");
        }
    }
}
