package org.peel.organisedcrime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Intelligence grading under 3x5x2 and 5x5x5, as the reference sets the scales out")
class IntelligenceGradingTest {

    @Test
    @DisplayName("1/B/P (reliable source, known indirectly but corroborated, sharing permitted) is a valid 3x5x2 grade")
    void validThreeFiveTwo() {
        IntelligenceGrading.Grade g = IntelligenceGrading.grade(IntelligenceGrading.THREE_FIVE_TWO, "1", "b", "P", "");
        assertThat(g.valid()).isTrue();
        assertThat(g.code()).isEqualTo("1/B/P");
        assertThat(IntelligenceGrading.THREE_FIVE_TWO.intelligence().get("B"))
                .isEqualTo("known indirectly to the source but corroborated");
    }

    @Test
    @DisplayName("handling C needs its conditions, and P may not carry any")
    void conditions() {
        assertThat(IntelligenceGrading.grade(IntelligenceGrading.THREE_FIVE_TWO, "2", "C", "C", null).errors())
                .containsOnlyKeys("handlingConditions");
        assertThat(IntelligenceGrading.grade(IntelligenceGrading.THREE_FIVE_TWO, "2", "C", "C",
                "not to be shared with housing").valid()).isTrue();
        assertThat(IntelligenceGrading.grade(IntelligenceGrading.THREE_FIVE_TWO, "2", "C", "P", "only police")
                .errors()).containsOnlyKeys("handlingConditions");
    }

    @Test
    @DisplayName("a 5x5x5 grade (source A, intelligence 2, handling 4) is refused under 3x5x2 on all three scales,"
            + " and accepted under 5x5x5")
    void schemesApart() {
        assertThat(IntelligenceGrading.grade(IntelligenceGrading.THREE_FIVE_TWO, "A", "2", "4", null).errors())
                .containsOnlyKeys("sourceGrade", "intelligenceGrade", "handlingCode");
        assertThat(IntelligenceGrading.grade(IntelligenceGrading.FIVE_FIVE_FIVE, "A", "2", "4", null).valid()).isTrue();
        assertThat(IntelligenceGrading.grade(IntelligenceGrading.THREE_FIVE_TWO, "4", "A", "P", null).errors()
                .get("sourceGrade")).isEqualTo("Grade the source 1 (reliable), 2 (untested) or 3 (not reliable)");
    }

    @Test
    @DisplayName("the scheme is configuration: 3x5x2 by default, 5x5x5 when asked, anything else refused by name")
    void schemeSetting() {
        assertThat(IntelligenceGrading.scheme(null)).isSameAs(IntelligenceGrading.THREE_FIVE_TWO);
        assertThat(IntelligenceGrading.scheme("5x5x5")).isSameAs(IntelligenceGrading.FIVE_FIVE_FIVE);
        assertThatThrownBy(() -> IntelligenceGrading.scheme("4x4x4")).hasMessageContaining("PEEL_INTEL_GRADING");
    }
}
