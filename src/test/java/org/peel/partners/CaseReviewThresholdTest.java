package org.peel.partners;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.partners.CaseReviewThreshold.Body;
import org.peel.partners.CaseReviewThreshold.Complaint;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ASB case review threshold: qualifying complaints to police, council and housing counted together")
class CaseReviewThresholdTest {

    private static final LocalDate APPLIED = LocalDate.of(2025, 7, 15);

    private static Complaint c(String behaviour, String complained, Body to) {
        return new Complaint(LocalDate.parse(behaviour), LocalDate.parse(complained), to);
    }

    @Test
    @DisplayName("one complaint each to police, council and housing within six months meets the default three")
    void threeBodies() {
        // 15 July 2025 less six months is 15 January 2025: all three complaints fall after it
        var d = CaseReviewThreshold.decide(APPLIED, List.of(
                c("2025-02-01", "2025-02-03", Body.POLICE),
                c("2025-04-10", "2025-04-10", Body.COUNCIL),
                c("2025-06-20", "2025-06-25", Body.HOUSING)), CaseReviewThreshold.Settings.defaults());
        assertThat(d.met()).isTrue();
        assertThat(d.qualifying()).isEqualTo(3);
        assertThat(d.reasons().get(0)).isEqualTo("3 qualifying complaints (1 to the police, 1 to the council, "
                + "1 to the housing provider); threshold 3: met, the case review must be held");
    }

    @Test
    @DisplayName("a complaint older than six months, or made over a month after the behaviour, does not count")
    void notQualifying() {
        var d = CaseReviewThreshold.decide(APPLIED, List.of(
                c("2025-01-02", "2025-01-10", Body.POLICE),   // 10 Jan + 6 months = 10 Jul, before 15 Jul: too old
                c("2025-03-01", "2025-04-05", Body.COUNCIL),  // 1 Mar + 1 month = 1 Apr, complained 5 Apr: too late
                c("2025-05-01", "2025-05-02", Body.HOUSING),
                c("2025-06-01", "2025-06-01", Body.POLICE)), CaseReviewThreshold.Settings.defaults());
        assertThat(d.qualifying()).isEqualTo(2);
        assertThat(d.met()).isFalse();
        assertThat(d.reasons()).hasSize(3);
    }

    @Test
    @DisplayName("a force may set fewer than three, never more")
    void cap() {
        var two = new CaseReviewThreshold.Settings(2, 1, 6);
        assertThat(CaseReviewThreshold.decide(APPLIED, List.of(c("2025-05-01", "2025-05-02", Body.HOUSING),
                c("2025-06-01", "2025-06-01", Body.POLICE)), two).met()).isTrue();
        assertThatThrownBy(() -> new CaseReviewThreshold.Settings(4, 1, 6)).hasMessageContaining("caps it at three");
    }
}
