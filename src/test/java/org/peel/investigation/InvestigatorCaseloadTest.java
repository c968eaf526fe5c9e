package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.investigation.InvestigatorCaseload.Urgency.DUE_SOON;
import static org.peel.investigation.InvestigatorCaseload.Urgency.LATER;
import static org.peel.investigation.InvestigatorCaseload.Urgency.OVERDUE;

@DisplayName("An investigator's caseload: supervisory review dates and which Victims' Code deadlines are overdue or due soon")
class InvestigatorCaseloadTest {

    private final InvestigatorCaseload.ReviewIntervals intervals = InvestigatorCaseload.ReviewIntervals.defaults();

    @Test
    @DisplayName("The first review falls 7, 14 or 28 days after allocation by priority; an unscreened crime as routine")
    void reviewDue() {
        LocalDate allocated = LocalDate.of(2024, 3, 1);
        assertThat(InvestigatorCaseload.reviewDue(allocated, Priority.HIGH, intervals)).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(InvestigatorCaseload.reviewDue(allocated, Priority.MEDIUM, intervals)).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(InvestigatorCaseload.reviewDue(allocated, Priority.ROUTINE, intervals)).isEqualTo(LocalDate.of(2024, 3, 29));
        assertThat(InvestigatorCaseload.reviewDue(allocated, null, intervals)).isEqualTo(LocalDate.of(2024, 3, 29));
    }

    @Test
    @DisplayName("On Maundy Thursday 2024 'due soon' reaches over Good Friday and Easter Monday to Wednesday 3 April")
    void dueSoonAcrossEaster() {
        // given Thursday 28 March 2024: Good Friday (29th), the weekend and Easter Monday (1 April) are not working
        // days, so the first working day after it is Tuesday 2 April and the second Wednesday 3 April
        LocalDate thursday = LocalDate.of(2024, 3, 28);
        assertThat(InvestigatorCaseload.urgency(LocalDate.of(2024, 3, 27), thursday, intervals)).isEqualTo(OVERDUE);
        assertThat(InvestigatorCaseload.urgency(thursday, thursday, intervals)).isEqualTo(DUE_SOON);
        assertThat(InvestigatorCaseload.urgency(LocalDate.of(2024, 4, 1), thursday, intervals)).isEqualTo(DUE_SOON);
        assertThat(InvestigatorCaseload.urgency(LocalDate.of(2024, 4, 3), thursday, intervals)).isEqualTo(DUE_SOON);
        assertThat(InvestigatorCaseload.urgency(LocalDate.of(2024, 4, 4), thursday, intervals)).isEqualTo(LATER);
    }

    @Test
    @DisplayName("The view lists crimes oldest first with their age, keeps only near deadlines, and counts what is overdue")
    void view() {
        LocalDate today = LocalDate.of(2024, 3, 20);
        InvestigatorCaseload.OpenCrime older = new InvestigatorCaseload.OpenCrime("DA1", "CRP2", "Violence with injury",
                Priority.HIGH, LocalDateTime.of(2024, 3, 1, 10, 0), LocalDateTime.of(2024, 3, 1, 10, 0), true);
        InvestigatorCaseload.OpenCrime newer = new InvestigatorCaseload.OpenCrime("DA1", "CRP1", "Criminal damage",
                Priority.ROUTINE, LocalDateTime.of(2024, 3, 18, 9, 0), LocalDateTime.of(2024, 3, 18, 9, 30), false);
        List<InvestigatorCaseload.OpenDeadline> deadlines = List.of(
                new InvestigatorCaseload.OpenDeadline("DA1", "CRP2", "UPDATE_ARREST", "Update on arrest", LocalDate.of(2024, 3, 19)),
                new InvestigatorCaseload.OpenDeadline("DA1", "CRP1", "REFERRAL", "Referral", LocalDate.of(2024, 3, 22)),
                new InvestigatorCaseload.OpenDeadline("DA1", "CRP1", "UPDATE_CHARGE", "Update on charge", LocalDate.of(2024, 3, 25)));

        InvestigatorCaseload.View view = InvestigatorCaseload.of(List.of(newer, older), deadlines, today, intervals);

        // CRP2: recorded 1 March, 19 days old, high priority so review due 8 March, overdue.
        // CRP1: recorded 18 March, 2 days old, routine so review due 15 April, later.
        assertThat(view.crimes()).extracting(r -> r.crime().crimeId()).containsExactly("CRP2", "CRP1");
        assertThat(view.crimes()).extracting(InvestigatorCaseload.Row::ageDays).containsExactly(19L, 2L);
        assertThat(view.crimes()).extracting(InvestigatorCaseload.Row::reviewDue)
                .containsExactly(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 4, 15));
        assertThat(view.reviewsOverdue()).isEqualTo(1);
        // Wednesday 20 March: two working days on is Friday 22nd; Monday 25th is later
        assertThat(view.deadlines()).extracting(d -> d.deadline().kind()).containsExactly("UPDATE_ARREST", "REFERRAL");
        assertThat(view.overdueDeadlines()).isEqualTo(1);
        assertThat(view.dueSoonDeadlines()).isEqualTo(1);
    }
}
