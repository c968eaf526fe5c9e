package org.peel.prevention;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A ward's profile: the facts Peel computes for the ward beside the priorities its neighbourhood team writes, with
 * the date the priorities are due for review (a year after they were written).
 */
public record WardProfile(String wardCode, String wardName, String boroughCode, Facts facts, Priorities priorities) {

    /** How long written priorities stand before they must be reviewed. */
    public static final int REVIEW_MONTHS = 12;

    /**
     * What Peel computes, over the twelve months to {@code periodEnd} (the newest record held in the borough, so that
     * a force whose data stops early still sees a full year) against the twelve months before.
     *
     * @param repeatVictims victims with at least the repeat threshold of ASB incidents in the ward in the period,
     *                      matched on exact details
     * @param openFlags     victims in the ward flagged to the team and not yet cleared
     */
    public record Facts(LocalDateTime periodStart, LocalDateTime periodEnd, Trend crime, Trend asb,
                        List<Location> topLocations, long repeatVictims, long openFlags, List<ProblemCase> openCases) {
    }

    /** A count over the period and the period before, and how it moved. */
    public record Trend(long current, long previous) {

        /** For example "up 25% on the previous 12 months", "down 10% …", "no change …", or "none before" when 0. */
        public String describe() {
            if (previous == 0) {
                return current == 0 ? "none in either period" : "none in the previous 12 months";
            }
            long percent = Math.round((current - previous) * 100.0 / previous);
            if (percent == 0) {
                return "no change on the previous 12 months";
            }
            return (percent > 0 ? "up " : "down ") + Math.abs(percent) + "% on the previous 12 months";
        }
    }

    /** One of the places in the ward with the most crime and ASB in the period. */
    public record Location(String lsoaCode, String lsoaName, long asb, long crime) {
    }

    /** What the ward team wrote, and when it is due for review. */
    public record Priorities(String text, String writtenBy, LocalDateTime writtenAt, LocalDate reviewDue) {

        public boolean overdue(LocalDate today) {
            return reviewDue.isBefore(today);
        }
    }

    /** A ward's review state, for the list of profiles due or never written. */
    public record Review(String wardCode, String wardName, String boroughCode, LocalDate reviewDue) {

        public boolean neverWritten() {
            return reviewDue == null;
        }
    }
}
