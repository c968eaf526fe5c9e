package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Repeat victim and case review thresholds, on hand-worked dates")
class RepeatVictimRuleTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 14, 0);
    private static final AsbRiskSettings DEFAULTS = AsbRiskSettings.defaults();

    @Test
    @DisplayName("a first incident is not a repeat")
    void firstIncident() {
        RepeatVictimRule.Decision d = RepeatVictimRule.decide(NOW, List.of(), DEFAULTS);
        assertThat(d.repeat()).isFalse();
        assertThat(d.incidentsInWindow()).isEqualTo(1);
        assertThat(d.ruleVersion()).isEqualTo(RepeatVictimRule.VERSION);
    }

    @Test
    @DisplayName("two earlier incidents in the last 12 months make this third one a repeat")
    void thirdInTwelveMonths() {
        RepeatVictimRule.Decision d = RepeatVictimRule.decide(NOW,
                List.of(NOW.minusMonths(2), NOW.minusMonths(11)), DEFAULTS);
        assertThat(d.repeat()).isTrue();
        assertThat(d.incidentsInWindow()).isEqualTo(3);
        assertThat(d.windowStart()).isEqualTo(LocalDateTime.of(2025, 11, 26, 14, 0));
        assertThat(d.reasons()).containsExactly(
                "3 incidents in the 12 months to this one, this one included; repeat victim from 3");
    }

    @Test
    @DisplayName("an incident just outside the window does not count; one exactly on its start does")
    void windowEdges() {
        assertThat(RepeatVictimRule.decide(NOW, List.of(NOW.minusMonths(1), NOW.minusMonths(12).minusMinutes(1)),
                DEFAULTS).repeat()).isFalse();
        assertThat(RepeatVictimRule.decide(NOW, List.of(NOW.minusMonths(1), NOW.minusMonths(12)),
                DEFAULTS).repeat()).isTrue();
    }

    @Test
    @DisplayName("incidents after this one (a back-record) are ignored")
    void laterIgnored() {
        assertThat(RepeatVictimRule.decide(NOW, List.of(NOW.plusDays(1), NOW.plusDays(2)), DEFAULTS).repeat()).isFalse();
    }

    @Test
    @DisplayName("a force that sets repeat as 2 incidents in 3 months gets its own answer")
    void localThresholds() {
        AsbRiskSettings local = new AsbRiskSettings(2, 3, 3, 6, 50, 3, 4, 8);
        assertThat(RepeatVictimRule.decide(NOW, List.of(NOW.minusMonths(2)), local).repeat()).isTrue();
        assertThat(RepeatVictimRule.decide(NOW, List.of(NOW.minusMonths(4)), local).repeat()).isFalse();
    }

    @Test
    @DisplayName("case review: three complaints in six months meet it; two earlier in seven months do not")
    void caseReview() {
        CaseReviewTrigger.Decision met = CaseReviewTrigger.decide(NOW,
                List.of(NOW.minusMonths(1), NOW.minusMonths(5)), DEFAULTS);
        assertThat(met.met()).isTrue();
        assertThat(met.complaintsInWindow()).isEqualTo(3);
        assertThat(met.reasons().get(0)).contains("case review threshold 3: met");

        CaseReviewTrigger.Decision notMet = CaseReviewTrigger.decide(NOW,
                List.of(NOW.minusMonths(1), NOW.minusMonths(7)), DEFAULTS);
        assertThat(notMet.met()).isFalse();
        assertThat(notMet.complaintsInWindow()).isEqualTo(2);
    }
}
