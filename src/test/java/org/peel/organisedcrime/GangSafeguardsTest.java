package org.peel.organisedcrime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.organisedcrime.GangHarmAssessment.Role.PERPETRATOR;
import static org.peel.organisedcrime.GangHarmAssessment.Role.VICTIM;

@DisplayName("Gang harm assessment within the Information Commissioner's safeguards, on cases worked out by hand")
class GangSafeguardsTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);
    private static final LocalDate REVIEW = LocalDate.of(2024, 9, 1);
    private static final GangHarmAssessment.Settings SETTINGS = GangHarmAssessment.Settings.defaults();

    private static GangHarmAssessment.Involvement i(String kind, GangHarmAssessment.Role role, String on, String source) {
        return new GangHarmAssessment.Involvement(kind, role, LocalDate.parse(on), source);
    }

    @Test
    @DisplayName("a victim of violence and weapons offences scores 0 and is not included, whatever the number of sources")
    void victimNeverHarmful() {
        var d = GangHarmAssessment.assess(List.of(i("weapons", VICTIM, "2024-01-10", "crime 1"),
                i("violence", VICTIM, "2024-02-10", "crime 2")), REVIEW, false, AS_OF, SETTINGS);
        assertThat(d.include()).isFalse();
        assertThat(d.score()).isZero();
        assertThat(d.reasons()).contains("2 times a victim: recorded apart, scores 0");
    }

    @Test
    @DisplayName("violence (5) and drugs supply (3) from two sources score 8 and include; the victimisation adds nothing")
    void corroborated() {
        var d = GangHarmAssessment.assess(List.of(i("violence", PERPETRATOR, "2024-01-10", "crime 1"),
                i("drugs supply", PERPETRATOR, "2024-03-01", "intelligence 7"),
                i("weapons", VICTIM, "2024-04-01", "crime 3")), REVIEW, false, AS_OF, SETTINGS);
        assertThat(d.include()).isTrue();
        assertThat(d.score()).isEqualTo(8);
    }

    @Test
    @DisplayName("weapons (10) and violence (5) from one source only score 15 but are not included")
    void uncorroborated() {
        var d = GangHarmAssessment.assess(List.of(i("weapons", PERPETRATOR, "2024-01-10", "intelligence 7"),
                i("violence", PERPETRATOR, "2024-03-01", "intelligence 7")), REVIEW, false, AS_OF, SETTINGS);
        assertThat(d.include()).isFalse();
        assertThat(d.score()).isEqualTo(15);
        assertThat(d.reasons().get(d.reasons().size() - 1)).contains("only 1 source");
    }

    @Test
    @DisplayName("offending more than two years ago scores 0, so a person on the matrix is removed and the removal recorded")
    void zeroScoreRemoved() {
        // 2022-05-31 is 732 days before 2024-06-01: outside the 730-day window
        var d = GangHarmAssessment.assess(List.of(i("violence", PERPETRATOR, "2022-05-31", "crime 1"),
                i("violence", PERPETRATOR, "2022-05-01", "crime 2")), REVIEW, true, AS_OF, SETTINGS);
        assertThat(d.include()).isFalse();
        assertThat(d.removal()).isTrue();
        assertThat(d.score()).isZero();
    }

    @Test
    @DisplayName("a lapsed review removes a person even with a corroborated score")
    void lapsedReview() {
        var d = GangHarmAssessment.assess(List.of(i("violence", PERPETRATOR, "2024-01-10", "crime 1"),
                i("violence", PERPETRATOR, "2024-03-01", "crime 2")), LocalDate.of(2024, 5, 31), true, AS_OF, SETTINGS);
        assertThat(d.include()).isFalse();
        assertThat(d.removal()).isTrue();
        assertThat(d.score()).isEqualTo(10);
    }

    @Test
    @DisplayName("sharing needs an agreement in force with the recipient: none known refuses, one in force names it")
    void sharing() {
        assertThat(SharingAgreements.decide(SharingAgreements.NONE, "Council", "Safeguarding", AS_OF).allowed()).isFalse();
        SharingAgreements one = (recipient, on) -> "Council".equals(recipient) && on.isBefore(LocalDate.of(2025, 1, 1))
                ? "ISA-12" : null;
        assertThat(SharingAgreements.decide(one, "Council", "Safeguarding", AS_OF).agreement()).isEqualTo("ISA-12");
        assertThat(SharingAgreements.decide(one, "Housing", "Safeguarding", AS_OF).allowed()).isFalse();
        assertThat(SharingAgreements.decide(one, "Council", "Safeguarding", LocalDate.of(2025, 2, 1)).allowed()).isFalse();
        assertThat(SharingAgreements.decide(one, "Council", " ", AS_OF).allowed()).isFalse();
    }
}
