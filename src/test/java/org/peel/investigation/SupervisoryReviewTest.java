package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Supervisory reviews: when the next review falls due, and the caseload's review date after a review")
class SupervisoryReviewTest {

    private final InvestigatorCaseload.ReviewIntervals intervals = InvestigatorCaseload.ReviewIntervals.defaults();

    @Test
    @DisplayName("A high-priority crime reviewed on Friday 29 March 2024 is next reviewed 7 days later, on Friday 5 April")
    void high() {
        // given a review on 29 March 2024 (Good Friday: calendar days are counted, holidays or not)
        // when the next review is worked out for a high-priority crime: 29 March + 7 days = 5 April
        // then
        assertThat(SupervisoryReview.nextDue(LocalDate.of(2024, 3, 29), Priority.HIGH, intervals))
                .isEqualTo(LocalDate.of(2024, 4, 5));
    }

    @Test
    @DisplayName("A routine crime reviewed on 15 February 2024 is next reviewed 28 days later, on 14 March (a leap year)")
    void routine() {
        // 15 Feb + 14 days to 29 Feb (2024 is a leap year), + 14 more to 14 March
        assertThat(SupervisoryReview.nextDue(LocalDate.of(2024, 2, 15), Priority.ROUTINE, intervals))
                .isEqualTo(LocalDate.of(2024, 3, 14));
    }

    @Test
    @DisplayName("A medium crime reviewed on 20 December 2024 is next due on 3 January 2025; an unscreened one as routine, on 17 January")
    void mediumAndUnscreened() {
        // 20 Dec + 11 days = 31 Dec, + 3 = 3 Jan; 20 Dec + 28 = 17 Jan
        assertThat(SupervisoryReview.nextDue(LocalDate.of(2024, 12, 20), Priority.MEDIUM, intervals))
                .isEqualTo(LocalDate.of(2025, 1, 3));
        assertThat(SupervisoryReview.nextDue(LocalDate.of(2024, 12, 20), null, intervals))
                .isEqualTo(LocalDate.of(2025, 1, 17));
    }

    @Test
    @DisplayName("The caseload's review due is the last review's next due date once there is one, else 7/14/28 days from allocation")
    void caseloadUsesLastReview() {
        // given a high-priority crime allocated on 1 March 2024: first review due 8 March, overdue on 20 March
        LocalDateTime allocated = LocalDateTime.of(2024, 3, 1, 10, 0);
        var before = new InvestigatorCaseload.OpenCrime("I1", "CRP1", "Burglary", Priority.HIGH, allocated, allocated, false);
        // and the same crime after a review on 19 March, which set the next review for 26 March
        var after = new InvestigatorCaseload.OpenCrime("I1", "CRP1", "Burglary", Priority.HIGH, allocated, allocated, false,
                SupervisoryReview.nextDue(LocalDate.of(2024, 3, 19), Priority.HIGH, intervals));

        // when the caseload is worked out on Wednesday 20 March 2024
        LocalDate today = LocalDate.of(2024, 3, 20);
        InvestigatorCaseload.Row first = InvestigatorCaseload.of(List.of(before), List.of(), today, intervals).crimes().get(0);
        InvestigatorCaseload.Row next = InvestigatorCaseload.of(List.of(after), List.of(), today, intervals).crimes().get(0);

        // then before the review it is due 8 March and overdue; after it, due 26 March, beyond the two working days
        assertThat(first.reviewDue()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(first.review()).isEqualTo(InvestigatorCaseload.Urgency.OVERDUE);
        assertThat(next.reviewDue()).isEqualTo(LocalDate.of(2024, 3, 26));
        assertThat(next.review()).isEqualTo(InvestigatorCaseload.Urgency.LATER);
    }
}
