package org.peel.prevention;

import java.util.Map;

import static org.peel.common.Settings.number;

/**
 * The thresholds of ASB victim risk practice that a force sets for itself, with defaults.
 * <p>
 * None of these is a national standard (reference/standards.md §3.2): no published national definition of a repeat
 * ASB victim is known, and the ASB Case Review (Community Trigger, ASB, Crime and Policing Act 2014 s104) threshold
 * is set locally, although three qualifying complaints in six months is common. So each is configuration, and every
 * decision states the values it used. A force sets them with environment variables (see {@link #from(Map)}).
 *
 * @param repeatIncidents        incidents (this one included) that make a repeat victim; default 3
 * @param repeatMonths           the window, in months before this incident, those incidents fall in; default 12
 * @param caseReviewComplaints   complaints (this one included) that meet the Case Review threshold; default 3
 * @param caseReviewMonths       the window for those complaints, in months; default 6
 * @param locationRadiusMetres   how near an earlier incident must be to count as the same location; default 50
 * @param locationIncidents      earlier incidents at the location that make it a repeat location; default 3
 * @param mediumFrom             assessment score from which the grade is medium; default 4
 * @param highFrom               assessment score from which the grade is high; default 8
 */
public record AsbRiskSettings(int repeatIncidents, int repeatMonths, int caseReviewComplaints, int caseReviewMonths,
                              int locationRadiusMetres, int locationIncidents, int mediumFrom, int highFrom) {

    public AsbRiskSettings {
        if (repeatIncidents < 2 || repeatMonths < 1 || caseReviewComplaints < 1 || caseReviewMonths < 1
                || locationRadiusMetres < 1 || locationIncidents < 1 || mediumFrom < 1 || highFrom <= mediumFrom) {
            throw new IllegalArgumentException("ASB risk settings out of range: repeat needs at least 2 incidents, "
                    + "windows and counts at least 1, and the high score above the medium score");
        }
    }

    /** The defaults named above. */
    public static AsbRiskSettings defaults() {
        return new AsbRiskSettings(3, 12, 3, 6, 50, 3, 4, 8);
    }

    /**
     * The defaults, each replaced by its environment variable when set: {@code PEEL_ASB_REPEAT_INCIDENTS},
     * {@code PEEL_ASB_REPEAT_MONTHS}, {@code PEEL_ASB_CASE_REVIEW_COMPLAINTS}, {@code PEEL_ASB_CASE_REVIEW_MONTHS},
     * {@code PEEL_ASB_LOCATION_METRES}, {@code PEEL_ASB_LOCATION_INCIDENTS}, {@code PEEL_ASB_MEDIUM_FROM},
     * {@code PEEL_ASB_HIGH_FROM}. A value that is not a whole number is refused with the variable's name.
     */
    public static AsbRiskSettings from(Map<String, String> environment) {
        AsbRiskSettings d = defaults();
        return new AsbRiskSettings(
                number(environment, "PEEL_ASB_REPEAT_INCIDENTS", d.repeatIncidents()),
                number(environment, "PEEL_ASB_REPEAT_MONTHS", d.repeatMonths()),
                number(environment, "PEEL_ASB_CASE_REVIEW_COMPLAINTS", d.caseReviewComplaints()),
                number(environment, "PEEL_ASB_CASE_REVIEW_MONTHS", d.caseReviewMonths()),
                number(environment, "PEEL_ASB_LOCATION_METRES", d.locationRadiusMetres()),
                number(environment, "PEEL_ASB_LOCATION_INCIDENTS", d.locationIncidents()),
                number(environment, "PEEL_ASB_MEDIUM_FROM", d.mediumFrom()),
                number(environment, "PEEL_ASB_HIGH_FROM", d.highFrom()));
    }
}
