package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A borough's cohort after its recorded exceptions, and its departure from the rule")
class BoroughCohortTest {

    static CohortException exception(String offender, CohortException.Kind kind) {
        return new CohortException(1, "A", offender, kind, "reason", "om1", Instant.EPOCH);
    }

    @Test
    @DisplayName("a removal of a chosen offender and an addition of another each count; no-op exceptions do not")
    void departure() {
        // given the rule chose A1, A2, A3 in borough A (capacity 3)
        List<OffenderScore> rule = List.of(new OffenderScore("A1", "A", 30, List.of()),
                new OffenderScore("A2", "A", 20, List.of()), new OffenderScore("A3", "A", 10, List.of()));
        // and the borough removed A2, added A9, "added" A1 (already chosen) and "removed" Z (never chosen)
        List<CohortException> exceptions = List.of(exception("A2", CohortException.Kind.REMOVE),
                exception("A9", CohortException.Kind.ADD), exception("A1", CohortException.Kind.ADD),
                exception("Z", CohortException.Kind.REMOVE));
        // when
        BoroughCohort b = BoroughCohort.of(rule, exceptions, x -> 3).get(0);
        // then managed = A1, A3, A9; departure = (1 added + 1 removed) / 3 chosen = 0.667
        assertThat(b.managed()).containsExactly("A1", "A3", "A9");
        assertThat(b.added()).extracting(CohortException::offenderId).containsExactly("A9");
        assertThat(b.removed()).extracting(CohortException::offenderId).containsExactly("A2");
        assertThat(b.departure()).isEqualTo(2.0 / 3);
        assertThat(b.overCapacity()).isFalse();
    }

    @Test
    @DisplayName("a borough following the rule departs by 0; one adding beyond capacity is shown over capacity")
    void noneAndOver() {
        List<OffenderScore> rule = List.of(new OffenderScore("A1", "A", 30, List.of()),
                new OffenderScore("B1", "B", 30, List.of()));
        List<BoroughCohort> all = BoroughCohort.of(rule, List.of(
                new CohortException(2, "B", "B7", CohortException.Kind.ADD, "known burglar back in area", "om2",
                        Instant.EPOCH)), x -> 1);
        assertThat(all).extracting(BoroughCohort::boroughCode).containsExactly("A", "B");
        assertThat(all.get(0).departure()).isZero();
        // B: 1 added / 1 chosen = 1.0, and 2 managed over a capacity of 1
        assertThat(all.get(1).departure()).isEqualTo(1.0);
        assertThat(all.get(1).overCapacity()).isTrue();
    }

    @Test
    @DisplayName("cover: the lead, else the deputy, else nobody, absences counted to their last day")
    void cover() {
        LocalDate day = LocalDate.of(2025, 3, 10);
        ManagerCover.Absence leadAway = new ManagerCover.Absence("pc lee", day.minusDays(3), day, "leave");
        ManagerCover.Absence deputyAway = new ManagerCover.Absence("pc kaur", day, day.plusDays(2), "course");
        // lead on duty
        assertThat(ManagerCover.on(day, "pc lee", "pc kaur", List.of()).activeManager()).contains("pc lee");
        // lead absent on the last day of leave (inclusive): the deputy covers
        ManagerCover.Cover c = ManagerCover.on(day, "PC Lee", "pc kaur", List.of(leadAway));
        assertThat(c.activeManager()).contains("pc kaur");
        assertThat(c.coveredByDeputy()).isTrue();
        // the day after the leave ends, the lead is back
        assertThat(ManagerCover.on(day.plusDays(1), "pc lee", "pc kaur", List.of(leadAway)).activeManager())
                .contains("pc lee");
        // both absent: uncovered
        ManagerCover.Cover none = ManagerCover.on(day, "pc lee", "pc kaur", List.of(leadAway, deputyAway));
        assertThat(none.uncovered()).isTrue();
        assertThat(none.reason()).isEqualTo("the lead officer and the deputy are both absent");
        // lead absent and no deputy: uncovered
        assertThat(ManagerCover.on(day, "pc lee", null, List.of(leadAway)).reason())
                .isEqualTo("the lead officer is absent and the case has no deputy");
    }

    @Test
    @DisplayName("a case needs a lead and a deputy who is someone else, whatever the case of the letters")
    void managersChecked() {
        assertThat(ManagerCover.checkManagers("PC Lee", "PC Kaur").any()).isFalse();
        assertThat(ManagerCover.checkManagers("PC Lee", "pc lee ").get("deputy"))
                .isEqualTo("The deputy must be someone other than the lead officer");
        assertThat(ManagerCover.checkManagers(" ", "").all())
                .containsEntry("lead", "Enter the lead officer")
                .containsEntry("deputy", "Enter a deputy, so the case is covered when the lead is away");
    }
}
