package org.peel.organisedcrime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An individual's gang harm assessment within the Information Commissioner's safeguards (the 2018 enforcement notice
 * on the Met's gangs matrix): victim and perpetrator roles are recorded apart and being a victim never scores; a person
 * is included only when what scores is corroborated by at least the configured number of independent sources; and a
 * person whose score is zero, or whose review date has passed, is removed, the removal recorded with its reason.
 * Points per kind of offending are the force's configuration, as no national scheme is published.
 */
public final class GangHarmAssessment {

    /** Whether the person took part as the one who harmed or the one harmed. */
    public enum Role { PERPETRATOR, VICTIM }

    /** One piece of involvement: the kind of offending, the person's role in it, when, and its source. */
    public record Involvement(String kind, Role role, LocalDate on, String source) {
    }

    /**
     * @param points     points per kind of offending (as a perpetrator)
     * @param windowDays how far back involvement counts
     * @param minSources independent sources needed before inclusion
     */
    public record Settings(Map<String, Integer> points, int windowDays, int minSources) {
        public static Settings defaults() {
            return new Settings(Map.of("weapons", 10, "violence", 5, "drugs supply", 3, "other", 1), 730, 2);
        }
    }

    /** The outcome: include, or not (removed when the person was on the matrix), the score and the reasons. */
    public record Decision(boolean include, int score, boolean removal, List<String> reasons) {
    }

    private GangHarmAssessment() {
    }

    public static Decision assess(List<Involvement> involvements, LocalDate reviewDue, boolean onMatrix, LocalDate asOf,
                                  Settings settings) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        Set<String> sources = new HashSet<>();
        int victimOf = 0;
        for (Involvement i : involvements) {
            if (i.on().isBefore(asOf.minusDays(settings.windowDays())) || i.on().isAfter(asOf)) {
                continue;
            }
            if (i.role() == Role.VICTIM) {
                victimOf++;
                continue;
            }
            int p = settings.points().getOrDefault(i.kind(), settings.points().getOrDefault("other", 0));
            score += p;
            sources.add(i.source());
            reasons.add("+" + p + " " + i.kind() + " on " + i.on() + " (source " + i.source() + ")");
        }
        if (victimOf > 0) {
            reasons.add(victimOf + " time" + (victimOf == 1 ? "" : "s") + " a victim: recorded apart, scores 0");
        }
        if (reviewDue != null && asOf.isAfter(reviewDue)) {
            reasons.add("review was due on " + reviewDue + " and lapsed: remove until reviewed");
            return new Decision(false, score, onMatrix, reasons);
        }
        if (score == 0) {
            reasons.add("score 0: not included" + (onMatrix ? "; removal recorded" : ""));
            return new Decision(false, 0, onMatrix, reasons);
        }
        if (sources.size() < settings.minSources()) {
            reasons.add("only " + sources.size() + " source" + (sources.size() == 1 ? "" : "s") + "; at least "
                    + settings.minSources() + " independent sources needed before inclusion");
            return new Decision(false, score, onMatrix, reasons);
        }
        reasons.add("score " + score + " from " + sources.size() + " independent sources: included");
        return new Decision(true, score, false, reasons);
    }
}
