package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Reoffending before and after cohort entry beside a comparison group matched on score")
class ReoffendingComparisonTest {

    static final LocalDate ENTRY = LocalDate.of(2024, 7, 1);

    static List<LocalDate> dates(String... d) {
        return java.util.Arrays.stream(d).map(LocalDate::parse).toList();
    }

    @Test
    @DisplayName("each member is matched to the nearest score outside the cohort, once; offences counted either side of entry")
    void matchedComparison() {
        // cohort: C1 (100), C2 (50); outside: P1 (95), P2 (60), P3 (10)
        // C1 (first, higher) takes P1 (|100-95| = 5); C2 then takes P2 (|50-60| = 10) over P3 (40)
        List<OffenderScore> scores = List.of(new OffenderScore("C1", "A", 100, List.of()),
                new OffenderScore("C2", "A", 50, List.of()), new OffenderScore("P1", "A", 95, List.of()),
                new OffenderScore("P2", "B", 60, List.of()), new OffenderScore("P3", "A", 10, List.of()));
        Map<String, List<LocalDate>> offences = Map.of(
                "C1", dates("2024-01-01", "2024-07-01", "2024-09-01"),   // before 2 (1 Jul counts as before), after 1
                "C2", dates("2023-06-30", "2024-03-01"),                 // 30 Jun 2023 is outside the window: before 1, after 0
                "P1", dates("2024-02-01", "2024-08-01", "2025-07-01"),   // before 1, after 2 (1 Jul 2025 is the window's last day)
                "P2", dates("2024-05-01", "2025-07-02"),                 // before 1; 2 Jul 2025 is past the window
                "P3", dates("2024-08-01"));
        // when
        ReoffendingComparison.Result r = ReoffendingComparison.compare(scores, Set.of("C1", "C2"), offences, ENTRY, 365);
        // then cohort: 2 people, 3 before, 1 after, 1 reoffended; comparison (P1, P2): 2 before, 2 after, 1 reoffended
        assertThat(r.cohort()).isEqualTo(new ReoffendingComparison.Group(2, 3, 1, 1));
        assertThat(r.comparison()).isEqualTo(new ReoffendingComparison.Group(2, 2, 2, 1));
        assertThat(r.cohort().meanBefore()).isEqualTo(1.5);
        assertThat(r.comparison().reoffendingRate()).isEqualTo(0.5);
        assertThat(r.unmatched()).isZero();
    }

    @Test
    @DisplayName("a member with no one left to match is counted as unmatched and left out of both groups")
    void unmatched() {
        List<OffenderScore> scores = List.of(new OffenderScore("C1", "A", 100, List.of()),
                new OffenderScore("C2", "A", 50, List.of()), new OffenderScore("P1", "A", 95, List.of()));
        ReoffendingComparison.Result r = ReoffendingComparison.compare(scores, Set.of("C1", "C2"), Map.of(), ENTRY, 365);
        assertThat(r.unmatched()).isEqualTo(1);
        assertThat(r.cohort().people()).isEqualTo(1);
        assertThat(r.comparison().people()).isEqualTo(1);
    }
}
