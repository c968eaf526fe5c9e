package org.peel.organisedcrime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Preparedness for a national threat: tested within the period, and the latest assessment")
class PreparednessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Preparedness.Entry e(String kind, String on, String assessment) {
        return new Preparedness.Entry(kind, LocalDate.parse(on), kind + " " + on, assessment);
    }

    @Test
    @DisplayName("exercised on 2 December 2025, 364 days before: tested; the later debrief's 'partly prepared' is the"
            + " latest assessment")
    void tested() {
        Preparedness.Status s = Preparedness.of(List.of(e("exercise", "2025-12-02", "prepared"),
                e("debrief", "2026-01-10", "partly prepared")), TODAY, 365);
        assertThat(s.alert()).isFalse();
        assertThat(s.lastExercised()).isEqualTo(LocalDate.of(2025, 12, 2));
        assertThat(s.latestAssessment()).isEqualTo("partly prepared");
    }

    @Test
    @DisplayName("exercised on 30 November 2025, 366 days before, with a capability review since: flagged, as a"
            + " review is not an exercise")
    void lapsed() {
        Preparedness.Status s = Preparedness.of(List.of(e("exercise", "2025-11-30", "prepared"),
                e("capability review", "2026-06-01", "prepared")), TODAY, 365);
        assertThat(s.alert()).isTrue();
        assertThat(s.reasons().get(0)).isEqualTo("last exercised on 2025-11-30, more than 365 days ago");
    }

    @Test
    @DisplayName("never exercised is flagged; so is a recent exercise that found the force not prepared")
    void neverOrNotPrepared() {
        assertThat(Preparedness.of(List.of(), TODAY, 365).reasons()).containsExactly("never exercised",
                "no assessment recorded");
        Preparedness.Status s = Preparedness.of(List.of(e("exercise", "2026-11-01", "not prepared")), TODAY, 365);
        assertThat(s.alert()).isTrue();
        assertThat(s.reasons()).contains("the latest assessment is: not prepared");
    }
}
