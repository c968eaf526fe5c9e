package org.peel.investigation;

import java.time.LocalDate;

/**
 * When a crime's next supervisory review falls due after a review: the same per-priority interval that
 * {@link InvestigatorCaseload} uses from allocation to the first review (7 days for high, 14 for medium, 28 for
 * routine or unscreened, by default), counted from the day of the review.
 */
public final class SupervisoryReview {

    private SupervisoryReview() {
    }

    /** The day the next review falls due after a review on {@code reviewedOn}. */
    public static LocalDate nextDue(LocalDate reviewedOn, Priority priority, InvestigatorCaseload.ReviewIntervals intervals) {
        return reviewedOn.plusDays(intervals.daysFor(priority));
    }
}
