package org.peel.prevention;

import java.util.ArrayList;
import java.util.List;

/**
 * The victim risk assessment at the first call: the questionnaire plus the victim's history give a score, and the
 * score a grade, with every point explained.
 * <p>
 * Points (rule {@value #VERSION}): severe impact 3, some impact 1; each personal vulnerability factor 2; the victim
 * feels targeted 2; going on for more than six months 2, one to six months 1; a repeat victim under
 * {@link RepeatVictimRule} 3; any crime against the victim in the repeat window 1; a repeat location 1. Medium from
 * {@link AsbRiskSettings#mediumFrom()}, high from {@link AsbRiskSettings#highFrom()} (local practice, configuration).
 * <p>
 * One combination is high whatever the score: a vulnerable victim who feels targeted and suffers severe impact. These
 * are the victims the inspectorate found forces missing at first contact (reference/standards.md §3.2), so the grade
 * must not depend on how the other answers happen to add up.
 */
public final class AsbRiskAssessment {

    public static final String VERSION = "asb-risk-1";

    private AsbRiskAssessment() {
    }

    /**
     * What Peel knows of the victim and the place when the incident is saved.
     *
     * @param repeat              the repeat-victim decision for this incident
     * @param crimesInWindow      crimes against the victim in the repeat window
     * @param incidentsAtLocation earlier incidents at the same location in the repeat window
     */
    public record History(RepeatVictimRule.Decision repeat, int crimesInWindow, int incidentsAtLocation) {
    }

    /** The grade, the score it came from, each reason, and the rule version. */
    public record Result(AsbRiskGrade grade, int score, List<String> reasons, String ruleVersion) {
    }

    public static Result assess(AsbQuestionnaire answers, History history, AsbRiskSettings settings) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        score += points(reasons, switch (answers.impact()) {
            case SEVERE -> 3;
            case SOME -> 1;
            case LITTLE -> 0;
        }, "impact on daily life: " + answers.impact().label().toLowerCase());
        for (AsbQuestionnaire.Vulnerability v : AsbQuestionnaire.Vulnerability.values()) {
            if (answers.vulnerability().contains(v)) {
                score += points(reasons, 2, "vulnerability: " + v.label().toLowerCase());
            }
        }
        if (answers.targeted()) {
            score += points(reasons, 2, "the victim feels targeted");
        }
        score += points(reasons, switch (answers.duration()) {
            case LONGER -> 2;
            case MONTHS -> 1;
            case WEEKS, ONCE -> 0;
        }, "going on: " + answers.duration().label().toLowerCase());
        RepeatVictimRule.Decision repeat = history.repeat();
        if (repeat.repeat()) {
            score += points(reasons, 3, "repeat victim: " + repeat.incidentsInWindow() + " incidents in "
                    + settings.repeatMonths() + " months");
        }
        if (history.crimesInWindow() > 0) {
            score += points(reasons, 1, history.crimesInWindow() + " crime" + (history.crimesInWindow() == 1 ? "" : "s")
                    + " against the victim in " + settings.repeatMonths() + " months");
        }
        if (history.incidentsAtLocation() >= settings.locationIncidents()) {
            score += points(reasons, 1, "repeat location: " + history.incidentsAtLocation()
                    + " earlier incidents within " + settings.locationRadiusMetres() + " m");
        }

        boolean vulnerableTargetedSevere = !answers.vulnerability().isEmpty() && answers.targeted()
                && answers.impact() == AsbQuestionnaire.Impact.SEVERE;
        AsbRiskGrade grade;
        if (vulnerableTargetedSevere) {
            grade = AsbRiskGrade.HIGH;
            reasons.add("high whatever the score: a vulnerable victim, targeted, with severe impact");
        } else if (score >= settings.highFrom()) {
            grade = AsbRiskGrade.HIGH;
        } else if (score >= settings.mediumFrom()) {
            grade = AsbRiskGrade.MEDIUM;
        } else {
            grade = AsbRiskGrade.STANDARD;
        }
        reasons.add("score " + score + ": medium from " + settings.mediumFrom() + ", high from " + settings.highFrom()
                + " → " + grade.label().toLowerCase());
        return new Result(grade, score, List.copyOf(reasons), VERSION);
    }

    private static int points(List<String> reasons, int points, String why) {
        if (points > 0) {
            reasons.add("+" + points + " " + why);
        }
        return points;
    }
}
