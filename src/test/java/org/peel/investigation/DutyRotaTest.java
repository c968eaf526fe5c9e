package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("On duty by the rota: inside a shift from its start up to its end, night shifts running past midnight")
class DutyRotaTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final DutyRota.Shift EARLY = new DutyRota.Shift(MONDAY, LocalTime.of(7, 0), LocalTime.of(15, 0));
    private static final DutyRota.Shift NIGHT = new DutyRota.Shift(MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0));

    @Test
    @DisplayName("An early shift 07:00-15:00 covers 07:00 and 14:59, not 06:59 or 15:00")
    void earlyShift() {
        assertThat(DutyRota.onDuty(true, List.of(EARLY), MONDAY.atTime(7, 0), false)).isTrue();
        assertThat(DutyRota.onDuty(true, List.of(EARLY), MONDAY.atTime(14, 59), false)).isTrue();
        assertThat(DutyRota.onDuty(true, List.of(EARLY), MONDAY.atTime(6, 59), true)).isFalse();
        assertThat(DutyRota.onDuty(true, List.of(EARLY), MONDAY.atTime(15, 0), true)).isFalse();
    }

    @Test
    @DisplayName("Monday's night shift 22:00-06:00 covers 03:00 on Tuesday but not 06:00 on Tuesday or 21:59 on Monday")
    void nightShift() {
        LocalDateTime tuesday3am = LocalDateTime.of(2024, 3, 5, 3, 0);
        assertThat(DutyRota.onDuty(true, List.of(NIGHT), tuesday3am, false)).isTrue();
        assertThat(DutyRota.onDuty(true, List.of(NIGHT), LocalDateTime.of(2024, 3, 5, 6, 0), true)).isFalse();
        assertThat(DutyRota.onDuty(true, List.of(NIGHT), MONDAY.atTime(21, 59), true)).isFalse();
    }

    @Test
    @DisplayName("Without any rota the on-duty flag decides; with a rota but no shift that day, off duty whatever the flag")
    void fallback() {
        assertThat(DutyRota.onDuty(false, List.of(), MONDAY.atTime(12, 0), true)).isTrue();
        assertThat(DutyRota.onDuty(false, List.of(), MONDAY.atTime(12, 0), false)).isFalse();
        assertThat(DutyRota.onDuty(true, List.of(), MONDAY.atTime(12, 0), true)).isFalse();
    }
}
