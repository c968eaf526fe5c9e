package org.peel.access;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * An information-sharing agreement: who shares with whom, why, under which law, which kinds of data, how long the
 * recipient keeps them, who owns the agreement, and when it must be reviewed. It lapses on its review date unless
 * it has been renewed (a renewal moves the review date on); a withdrawn agreement shares nothing from the day it
 * was withdrawn.
 *
 * @param parties        the partner organisations' ids the force shares with under it
 * @param lawfulBasis    e.g. "Crime and Disorder Act 1998 s115"
 * @param retention      how long the recipient keeps what is shared, in words ("12 months after case closure")
 * @param reviewOn       the day the agreement lapses unless renewed before it
 * @param withdrawnOn    the day it was withdrawn, or null
 */
public record SharingAgreement(String id, String title, List<String> parties, String purpose, String lawfulBasis,
                               Set<DataCategory> categories, String retention, LocalDate startsOn, LocalDate reviewOn,
                               String owner, LocalDate withdrawnOn) {

    public SharingAgreement {
        parties = List.copyOf(parties);
        categories = Set.copyOf(categories);
    }

    /** Where the agreement stands on a day. */
    public enum Status { NOT_STARTED, ACTIVE, LAPSED, WITHDRAWN }

    /** Active from its start day up to the day before its review date; lapsed from the review date on. */
    public Status statusOn(LocalDate day) {
        if (withdrawnOn != null && !day.isBefore(withdrawnOn)) {
            return Status.WITHDRAWN;
        }
        if (day.isBefore(startsOn)) {
            return Status.NOT_STARTED;
        }
        return day.isBefore(reviewOn) ? Status.ACTIVE : Status.LAPSED;
    }

    public boolean activeOn(LocalDate day) {
        return statusOn(day) == Status.ACTIVE;
    }

    /** Days left before it lapses (0 on the review date and after). */
    public long daysToLapse(LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(day, reviewOn));
    }

    /** Whether its owner should be told it lapses soon: active, and the review date within {@code warningDays}. */
    public boolean renewalDue(LocalDate day, int warningDays) {
        return activeOn(day) && daysToLapse(day) <= warningDays;
    }

    public boolean covers(String organisationId) {
        return parties.contains(organisationId);
    }
}
