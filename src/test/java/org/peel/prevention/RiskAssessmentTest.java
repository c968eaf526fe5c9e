package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.prevention.AsbQuestionnaire.Duration;
import org.peel.prevention.AsbQuestionnaire.Impact;
import org.peel.prevention.AsbQuestionnaire.Vulnerability;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ASB victim risk assessment, on hand-worked cases")
class RiskAssessmentTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 14, 0);
    private static final AsbRiskSettings DEFAULTS = AsbRiskSettings.defaults();

    private static AsbRiskAssessment.History firstTime() {
        return new AsbRiskAssessment.History(RepeatVictimRule.decide(NOW, List.of(), DEFAULTS), 0, 0);
    }

    private static AsbRiskAssessment.History thirdIncident(int crimes, int atLocation) {
        return new AsbRiskAssessment.History(RepeatVictimRule.decide(NOW,
                List.of(NOW.minusMonths(1), NOW.minusMonths(3)), DEFAULTS), crimes, atLocation);
    }

    @Test
    @DisplayName("a one-off with little impact is standard, score 0")
    void standard() {
        AsbRiskAssessment.Result r = AsbRiskAssessment.assess(
                new AsbQuestionnaire(Impact.LITTLE, Set.of(), false, Duration.ONCE), firstTime(), DEFAULTS);
        assertThat(r.grade()).isEqualTo(AsbRiskGrade.STANDARD);
        assertThat(r.score()).isZero();
        assertThat(r.reasons()).containsExactly("score 0: medium from 4, high from 8 → standard");
        assertThat(r.ruleVersion()).isEqualTo("asb-risk-1");
    }

    @Test
    @DisplayName("some impact (1) + targeted (2) + one to six months (1) = 4, medium")
    void medium() {
        AsbRiskAssessment.Result r = AsbRiskAssessment.assess(
                new AsbQuestionnaire(Impact.SOME, Set.of(), true, Duration.MONTHS), firstTime(), DEFAULTS);
        assertThat(r.score()).isEqualTo(4);
        assertThat(r.grade()).isEqualTo(AsbRiskGrade.MEDIUM);
        assertThat(r.reasons()).containsExactly(
                "+1 impact on daily life: some: upset, changing routines",
                "+2 the victim feels targeted",
                "+1 going on: one to six months",
                "score 4: medium from 4, high from 8 → medium");
    }

    @Test
    @DisplayName("a third incident in a year: some impact (1) + months (1) + repeat (3) + a crime (1) + repeat location (1) = 7, medium")
    void repeatVictimMedium() {
        AsbRiskAssessment.Result r = AsbRiskAssessment.assess(
                new AsbQuestionnaire(Impact.SOME, Set.of(), false, Duration.MONTHS), thirdIncident(1, 3), DEFAULTS);
        assertThat(r.score()).isEqualTo(7);
        assertThat(r.grade()).isEqualTo(AsbRiskGrade.MEDIUM);
        assertThat(r.reasons()).contains("+3 repeat victim: 3 incidents in 12 months",
                "+1 1 crime against the victim in 12 months", "+1 repeat location: 3 earlier incidents within 50 m");
    }

    @Test
    @DisplayName("repeat victim, severe impact, going on over six months: 3 + 2 + 3 = 8, high by score")
    void highByScore() {
        AsbRiskAssessment.Result r = AsbRiskAssessment.assess(
                new AsbQuestionnaire(Impact.SEVERE, Set.of(), false, Duration.LONGER), thirdIncident(0, 0), DEFAULTS);
        assertThat(r.score()).isEqualTo(8);
        assertThat(r.grade()).isEqualTo(AsbRiskGrade.HIGH);
        assertThat(r.reasons()).last().isEqualTo("score 8: medium from 4, high from 8 → high");
    }

    @Test
    @DisplayName("vulnerable, targeted, severe impact is high even on a first call scoring 7")
    void highWhateverTheScore() {
        AsbRiskAssessment.Result r = AsbRiskAssessment.assess(
                new AsbQuestionnaire(Impact.SEVERE, Set.of(Vulnerability.ALONE), true, Duration.ONCE), firstTime(),
                DEFAULTS);
        assertThat(r.score()).isEqualTo(7);
        assertThat(r.grade()).isEqualTo(AsbRiskGrade.HIGH);
        assertThat(r.reasons()).contains("+2 vulnerability: lives alone or isolated",
                "high whatever the score: a vulnerable victim, targeted, with severe impact");
    }

    @Test
    @DisplayName("each vulnerability factor counts 2: disability and mental health with some impact = 5, medium")
    void vulnerabilityFactors() {
        AsbRiskAssessment.Result r = AsbRiskAssessment.assess(new AsbQuestionnaire(Impact.SOME,
                Set.of(Vulnerability.MENTAL_HEALTH, Vulnerability.DISABILITY), false, Duration.WEEKS), firstTime(), DEFAULTS);
        assertThat(r.score()).isEqualTo(5);
        assertThat(r.grade()).isEqualTo(AsbRiskGrade.MEDIUM);
        assertThat(r.reasons()).containsSubsequence("+2 vulnerability: disability", "+2 vulnerability: mental health condition");
    }

    @Test
    @DisplayName("a force's own cut-offs change the grade and the reason says which were used")
    void localCutOffs() {
        AsbRiskSettings strict = new AsbRiskSettings(3, 12, 3, 6, 50, 3, 2, 4);
        AsbRiskAssessment.Result r = AsbRiskAssessment.assess(
                new AsbQuestionnaire(Impact.SOME, Set.of(), true, Duration.MONTHS), firstTime(), strict);
        assertThat(r.grade()).isEqualTo(AsbRiskGrade.HIGH);
        assertThat(r.reasons()).last().isEqualTo("score 4: medium from 2, high from 4 → high");
    }

    @Test
    @DisplayName("settings that make no sense are refused")
    void badSettings() {
        assertThatThrownBy(() -> new AsbRiskSettings(1, 12, 3, 6, 50, 3, 4, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsbRiskSettings(3, 12, 3, 6, 50, 3, 8, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a force sets its thresholds in the environment; unset ones keep their defaults; nonsense is named")
    void settingsFromEnvironment() {
        AsbRiskSettings s = AsbRiskSettings.from(java.util.Map.of("PEEL_ASB_REPEAT_INCIDENTS", "4",
                "PEEL_ASB_CASE_REVIEW_MONTHS", " 3 "));
        assertThat(s).isEqualTo(new AsbRiskSettings(4, 12, 3, 3, 50, 3, 4, 8));
        assertThat(AsbRiskSettings.from(java.util.Map.of())).isEqualTo(AsbRiskSettings.defaults());
        assertThatThrownBy(() -> AsbRiskSettings.from(java.util.Map.of("PEEL_ASB_HIGH_FROM", "eight")))
                .hasMessageContaining("PEEL_ASB_HIGH_FROM");
    }
}
