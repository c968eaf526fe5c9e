package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peel.offenders.Mappa.RiskOfSeriousHarm.HIGH;
import static org.peel.offenders.Mappa.RiskOfSeriousHarm.LOW;
import static org.peel.offenders.Mappa.RiskOfSeriousHarm.VERY_HIGH;

@DisplayName("MAPPA visits and meetings, and potentially dangerous persons' review dates")
class MappaTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static Mappa.Case mappaCase(Mappa.Level level, Mappa.RiskOfSeriousHarm risk, String lastVisit, String meeting) {
        return new Mappa.Case("OF1", Mappa.Category.ONE, level, Mappa.Agency.POLICE, risk, LocalDate.of(2024, 6, 1),
                lastVisit == null ? null : LocalDate.parse(lastVisit), meeting == null ? null : LocalDate.parse(meeting));
    }

    @Test
    @DisplayName("a very high risk case last visited 2025-01-01 was due 28 days later, 2025-01-29: 31 days overdue on 1 March")
    void visitOverdue() {
        // 2025-01-01 + 28 = 2025-01-29; 29 Jan to 1 Mar = 2 + 28 + 1 = 31 days
        Mappa.Review r = Mappa.review(mappaCase(Mappa.Level.ONE, VERY_HIGH, "2025-01-01", null), TODAY,
                Mappa.DEFAULT_VISIT_DAYS);
        assertThat(r.visitDue()).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(r.visit()).isEqualTo(Mappa.Status.OVERDUE);
        assertThat(r.reasons().get(0)).endsWith("due 2025-01-29 (31 days overdue)");
        // level 1 needs no meeting
        assertThat(r.meeting()).isEqualTo(Mappa.Status.IN_TIME);
    }

    @Test
    @DisplayName("a high risk case visited 2025-01-10 is due 56 days later, 2025-03-07: due soon (6 days) on 1 March")
    void visitDueSoon() {
        // 2025-01-10 + 56 = 2025-03-07 (21 days left in January, 28 in February, 7 in March)
        Mappa.Review r = Mappa.review(mappaCase(Mappa.Level.TWO, HIGH, "2025-01-10", "2025-04-01"), TODAY,
                Mappa.DEFAULT_VISIT_DAYS);
        assertThat(r.visitDue()).isEqualTo(LocalDate.of(2025, 3, 7));
        assertThat(r.visit()).isEqualTo(Mappa.Status.DUE_SOON);
        assertThat(r.meeting()).isEqualTo(Mappa.Status.IN_TIME);
        assertThat(r.overdue()).isFalse();
    }

    @Test
    @DisplayName("never visited: counted from registration; a level 2 case with no meeting set is overdue for one")
    void neverVisitedAndNoMeeting() {
        // registered 2024-06-01, low risk every 182 days: due 2024-11-30, passed
        Mappa.Review r = Mappa.review(mappaCase(Mappa.Level.TWO, LOW, null, null), TODAY, Mappa.DEFAULT_VISIT_DAYS);
        assertThat(r.visitDue()).isEqualTo(LocalDate.of(2024, 11, 30));
        assertThat(r.visit()).isEqualTo(Mappa.Status.OVERDUE);
        assertThat(r.meeting()).isEqualTo(Mappa.Status.OVERDUE);
        assertThat(r.reasons()).contains("level 2 is managed through MAPP meetings and none is set");
    }

    @Test
    @DisplayName("the force's own visit intervals replace the defaults; categories and levels are 1 to 3")
    void configuration() {
        Map<Mappa.RiskOfSeriousHarm, Integer> days = Mappa.visitDays("VERY_HIGH:7, high:14");
        assertThat(days).containsEntry(VERY_HIGH, 7).containsEntry(HIGH, 14).containsEntry(LOW, 182);
        assertThatThrownBy(() -> Mappa.visitDays("HIGH:0")).hasMessageContaining("'HIGH:0'");
        assertThatThrownBy(() -> Mappa.Category.of(4)).hasMessage("MAPPA categories are 1 to 3, not 4");
        assertThatThrownBy(() -> Mappa.Level.of(0)).hasMessage("MAPPA levels are 1 to 3, not 0");
    }

    @Test
    @DisplayName("a PDP is active to its review date, due for review in the last 28 days, and lapses the day after")
    void pdpLapses() {
        LocalDate review = LocalDate.of(2025, 3, 31);
        // 1 March: 30 days to go, more than 28
        assertThat(PotentiallyDangerousPerson.status(review, TODAY)).isEqualTo(PotentiallyDangerousPerson.Status.ACTIVE);
        // 3 March: 28 days to go
        assertThat(PotentiallyDangerousPerson.status(review, LocalDate.of(2025, 3, 3)))
                .isEqualTo(PotentiallyDangerousPerson.Status.REVIEW_DUE);
        // on the review date itself: still included
        assertThat(PotentiallyDangerousPerson.status(review, review)).isEqualTo(PotentiallyDangerousPerson.Status.REVIEW_DUE);
        // the day after, not renewed: lapsed
        assertThat(PotentiallyDangerousPerson.status(review, LocalDate.of(2025, 4, 1)))
                .isEqualTo(PotentiallyDangerousPerson.Status.LAPSED);
    }

    @Test
    @DisplayName("a PDP needs a reason, evidence and a review date within a year, and is never someone under MAPPA")
    void pdpRefusals() {
        LocalDate inAYear = TODAY.plusDays(365);
        assertThat(PotentiallyDangerousPerson.refusal("Threats to kill ex-partners", "Three DA reports", inAYear, TODAY,
                false)).isNull();
        assertThat(PotentiallyDangerousPerson.refusal("Threats", "Reports", inAYear.plusDays(1), TODAY, false))
                .isEqualTo("Set a review date no more than a year ahead");
        assertThat(PotentiallyDangerousPerson.refusal("Threats", "Reports", TODAY, TODAY, false))
                .isEqualTo("Set a review date after today");
        assertThat(PotentiallyDangerousPerson.refusal("Threats", " ", inAYear, TODAY, false))
                .isEqualTo("Record the evidence the reason rests on");
        assertThat(PotentiallyDangerousPerson.refusal("", "Reports", inAYear, TODAY, false))
                .startsWith("Give the reason");
        assertThat(PotentiallyDangerousPerson.refusal("Threats", "Reports", inAYear, TODAY, true))
                .contains("managed under MAPPA");
    }
}
